"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { ApiError, api } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { STAGES } from "@/components/ui/stage-badge";
import { toast } from "@/components/ui/toast-store";
import { friendlyError } from "./friendly-error";
import { formFieldOf, quickAddSchema, toCreateInput, type QuickAddValues } from "./quick-add-form";
import type { ContactDetail } from "./types";

const defaults: QuickAddValues = { displayName: "", email: "", phone: "", stage: "Prospect" };

/** Name plus optional email/phone/stage; validated on blur with the API's schema. */
export function QuickAddDialog({
  open,
  onOpenChange,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  onCreated?: (c: ContactDetail) => void;
}) {
  const router = useRouter();
  const form = useForm({ resolver: zodResolver(quickAddSchema), mode: "onBlur", defaultValues: defaults });
  const { register, handleSubmit, formState, setError, reset } = form;
  const errors = formState.errors;

  const submit = handleSubmit(async (values) => {
    try {
      const c = await api.post<ContactDetail>("/api/v1/contacts", toCreateInput(values));
      reset(defaults);
      onOpenChange(false);
      onCreated?.(c);
      toast({
        title: `${c.displayName} added`,
        tone: "success",
        action: { label: "Open", onClick: () => router.push(`/contacts/${c.id}`) },
      });
    } catch (e) {
      const fields = e instanceof ApiError ? e.details?.fields : undefined;
      let placed = false;
      for (const [k, msgs] of Object.entries(fields ?? {})) {
        const f = formFieldOf(k);
        if (f) {
          setError(f, { message: msgs[0] });
          placed = true;
        }
      }
      if (e instanceof ApiError && e.code === "conflict") {
        setError("email", { message: "Another contact already uses this email address." });
        placed = true;
      }
      if (!placed) setError("root", { message: friendlyError(e) });
    }
  });

  const field = (name: keyof QuickAddValues, label: string, props: Record<string, unknown> = {}) => (
    <div>
      <Label htmlFor={`qa-${name}`}>{label}</Label>
      <Input
        id={`qa-${name}`}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `qa-${name}-err` : undefined}
        {...register(name)}
        {...props}
      />
      <FieldError id={`qa-${name}-err`} message={errors[name]?.message} />
    </div>
  );

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="New contact"
      description="Only the name is required."
    >
      <form onSubmit={(e) => void submit(e)} className="space-y-4" noValidate>
        {field("displayName", "Name", { autoFocus: true, autoComplete: "off" })}
        {field("email", "Email", { type: "email", inputMode: "email", autoComplete: "off" })}
        {field("phone", "Phone", { type: "tel", inputMode: "tel", autoComplete: "off" })}
        <div>
          <Label htmlFor="qa-stage">Stage</Label>
          <Select id="qa-stage" {...register("stage")}>
            {STAGES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </Select>
        </div>
        <FieldError message={errors.root?.message} />
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={formState.isSubmitting}>
            Add contact
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
