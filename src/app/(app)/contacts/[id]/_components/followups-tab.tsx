"use client";

import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/empty-state";
import { Input, Label } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toast-store";
import { friendlyError } from "@/components/contacts/friendly-error";
import { QuickAdd } from "@/components/followups/quick-add";
import { TaskRow } from "@/components/followups/task-row";
import { followupKeys, useInvalidateFollowups } from "@/components/followups/use-followups";
import type { ContactRhythm } from "@/server/rhythms/schemas";
import type { TaskPage } from "@/server/tasks/schemas";
import type { Today } from "@/server/today/schemas";

function everyWords(days: number): string {
  if (days === 1) return "Every day";
  if (days % 7 === 0) return days === 7 ? "Every week" : `Every ${days / 7} weeks`;
  return `Every ${days} days`;
}

function rhythmWords(r: ContactRhythm): string {
  if (r.everyDays === 0) return "Never reminded (you turned it off).";
  if (!r.effectiveDays) return "No rhythm: set one here, or defaults for stages and tags in Settings.";
  const src = r.why?.kind === "contact" ? "its own rhythm" : `the ${r.why?.name} default`;
  const due = r.dueOn
    ? ` Due from ${new Date(`${r.dueOn}T12:00:00Z`).toLocaleDateString(undefined, { day: "numeric", month: "short", timeZone: "UTC" })}.`
    : "";
  const snooze = r.snoozedUntil ? ` Snoozed until ${new Date(r.snoozedUntil).toLocaleDateString()}.` : "";
  return `${everyWords(r.effectiveDays)} (${src}).${due}${snooze}`;
}

/** Keep-in-touch rhythm and the contact's open tasks. */
export function FollowUpsTab({ contactId }: { contactId: string }) {
  const invalidate = useInvalidateFollowups();
  const rhythm = useQuery({
    queryKey: followupKeys.rhythm(contactId),
    queryFn: () => api.get<ContactRhythm>(`/api/v1/contacts/${contactId}/rhythm`),
  });
  const tasks = useQuery({
    queryKey: followupKeys.tasks({ status: "open", contactId }),
    queryFn: () => api.get<TaskPage>(`/api/v1/tasks?status=open&contactId=${contactId}&limit=50`),
  });
  const today = useQuery({ queryKey: followupKeys.today, queryFn: () => api.get<Today>("/api/v1/today") });
  const [days, setDays] = useState("");
  const save = useMutation({
    mutationFn: (everyDays: number | null) =>
      api.put<ContactRhythm>(`/api/v1/contacts/${contactId}/rhythm`, { everyDays }),
    onSuccess: async (r) => {
      setDays("");
      await invalidate();
      toast({
        title: r.everyDays === null ? "Rhythm follows the defaults" : "Rhythm saved",
        tone: "success",
      });
    },
    onError: (e) =>
      toast({ title: "Could not save the rhythm", description: friendlyError(e), tone: "error" }),
  });
  const n = Number(days);
  const valid = Number.isInteger(n) && n >= 1 && n <= 730;
  return (
    <div className="grid gap-4">
      <Card>
        <CardTitle>Keep in touch</CardTitle>
        {rhythm.isPending ? (
          <Skeleton className="h-16" />
        ) : rhythm.isError ? (
          <ErrorState
            message={friendlyError(rhythm.error, "the rhythm")}
            onRetry={() => void rhythm.refetch()}
          />
        ) : (
          <>
            <p className="mb-3 text-sm text-muted" data-testid="rhythm-summary">
              {rhythmWords(rhythm.data)}
            </p>
            <form
              className="flex flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                if (valid) save.mutate(n);
              }}
            >
              <div>
                <Label htmlFor="rhythm-days">Keep in touch every (days)</Label>
                <Input
                  id="rhythm-days"
                  type="number"
                  min={1}
                  max={730}
                  inputMode="numeric"
                  className="w-28"
                  value={days}
                  placeholder={String(rhythm.data.effectiveDays ?? 21)}
                  onChange={(e) => setDays(e.target.value)}
                />
              </div>
              <Button
                type="submit"
                variant="primary"
                disabled={!valid}
                loading={save.isPending && save.variables !== null && save.variables !== 0}
              >
                Save rhythm
              </Button>
              {rhythm.data.everyDays !== null ? (
                <Button onClick={() => save.mutate(null)}>Use defaults</Button>
              ) : null}
              {rhythm.data.everyDays !== 0 ? (
                <Button variant="ghost" onClick={() => save.mutate(0)}>
                  Never remind
                </Button>
              ) : null}
            </form>
          </>
        )}
      </Card>
      <Card>
        <CardTitle>Tasks</CardTitle>
        <div className="mb-3">
          <QuickAdd
            contactIds={[contactId]}
            placeholder="Add a task for this contact: “send the plan Friday”"
          />
        </div>
        {tasks.isPending ? (
          <Skeleton className="h-12" />
        ) : tasks.isError ? (
          <ErrorState
            message={friendlyError(tasks.error, "the tasks")}
            onRetry={() => void tasks.refetch()}
          />
        ) : tasks.data.items.length === 0 ? (
          <p className="text-sm text-muted">No open tasks for this contact.</p>
        ) : (
          <ul aria-label="Contact tasks">
            {tasks.data.items.map((t) => (
              <TaskRow
                key={t.id}
                task={t}
                today={today.data?.date ?? new Date().toISOString().slice(0, 10)}
                timeZone={today.data?.timeZone}
              />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
