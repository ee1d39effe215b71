"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { ApiError, api } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label, Textarea } from "@/components/ui/input";
import { toast } from "@/components/ui/toast-store";
import { friendlyError } from "@/components/contacts/friendly-error";
import {
  localDateTime,
  logFormSchema,
  loggableTypes,
  toLogInput,
  type LogFormValues,
} from "./log-interaction-form";

const fresh = (): LogFormValues => ({ type: "session", occurredAt: localDateTime(), subject: "", body: "" });
// randomUUID needs a secure context; on plain http (a LAN address) fall back to Math.random.
const newKey = () =>
  `ui-${typeof crypto.randomUUID === "function" ? crypto.randomUUID() : `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`}`;

/** Records a session or call that happened outside connected services; shows on the timeline. */
export function LogInteractionDialog({
  contactId,
  contactName,
  open,
  onOpenChange,
  onLogged,
}: {
  contactId: string;
  contactName: string;
  open: boolean;
  onOpenChange: (o: boolean) => void;
  onLogged: () => void;
}) {
  const form = useForm({ resolver: zodResolver(logFormSchema), mode: "onBlur", defaultValues: fresh() });
  const { register, handleSubmit, formState, setError, reset, control } = form;
  const errors = formState.errors;
  const type = useWatch({ control, name: "type" });
  // One key until a log succeeds: a double click, or a retry after a timeout that did reach
  // the server, logs the interaction once.
  const [idem, setIdem] = useState(newKey);
  useEffect(() => {
    if (open) {
      reset(fresh());
    }
  }, [open, reset]);

  const submit = handleSubmit(async (values) => {
    try {
      await api.post("/api/v1/interactions", toLogInput(values, contactId, idem));
      setIdem(newKey());
      onOpenChange(false);
      onLogged();
      toast({
        title: `${values.type === "call" ? "Call" : "Session"} logged for ${contactName}`,
        tone: "success",
      });
    } catch (e) {
      const fields = e instanceof ApiError ? e.details?.fields : undefined;
      let placed = false;
      for (const [k, msgs] of Object.entries(fields ?? {})) {
        const f = k === "occurredAt" || k === "subject" || k === "body" ? k : null;
        if (f) {
          setError(f, { message: msgs[0] });
          placed = true;
        }
      }
      if (!placed) setError("root", { message: friendlyError(e) });
    }
  });

  const describe = (name: keyof LogFormValues) =>
    errors[name] ? { "aria-invalid": true as const, "aria-describedby": `li-${name}-err` } : {};

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Log a call or session with ${contactName}`}
      description="It appears on the timeline and counts as being in touch."
    >
      <form onSubmit={(e) => void submit(e)} className="space-y-4" noValidate>
        <fieldset>
          <legend className="mb-1 text-sm font-medium">What was it?</legend>
          <div className="flex gap-2">
            {loggableTypes.map(([v, label]) => (
              <label
                key={v}
                className={`flex h-10 flex-1 cursor-pointer items-center justify-center gap-2 rounded-lg border text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-primary ${
                  type === v ? "border-primary bg-primary/10 font-medium" : "border-border"
                }`}
              >
                <input type="radio" value={v} className="sr-only" {...register("type")} />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <Label htmlFor="li-occurredAt">When</Label>
          <Input
            id="li-occurredAt"
            type="datetime-local"
            {...describe("occurredAt")}
            {...register("occurredAt")}
          />
          <FieldError id="li-occurredAt-err" message={errors.occurredAt?.message} />
        </div>
        <div>
          <Label htmlFor="li-subject">Subject (optional)</Label>
          <Input
            id="li-subject"
            autoComplete="off"
            placeholder={type === "call" ? "Rescheduling next week" : "Deep tissue, 60 min"}
            {...describe("subject")}
            {...register("subject")}
          />
          <FieldError id="li-subject-err" message={errors.subject?.message} />
        </div>
        <div>
          <Label htmlFor="li-body">Notes (optional, Markdown)</Label>
          <Textarea id="li-body" rows={4} {...describe("body")} {...register("body")} />
          <FieldError id="li-body-err" message={errors.body?.message} />
        </div>
        <FieldError message={errors.root?.message} />
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={formState.isSubmitting}>
            Log {type === "call" ? "call" : "session"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
