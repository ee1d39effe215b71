"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toast-store";
import { api } from "@/lib/api-client";
import type { FieldTarget } from "@/server/forms/constants";
import type { SubmissionDto } from "@/server/forms/schemas";

const TARGET_LABEL: Record<FieldTarget, string> = {
  "contact.name": "Contact: name",
  "contact.email": "Contact: email",
  "contact.phone": "Contact: phone",
  "contact.birthday": "Contact: birthday",
  "contact.address": "Contact: address",
  "contact.referralSource": "Contact: referral source",
  "health.conditions": "Health context (encrypted): conditions",
  "health.allergies": "Health context (encrypted): allergies",
  "health.medications": "Health context (encrypted): medications",
  "health.notes": "Health context (encrypted): notes",
  health: "Health context (encrypted)",
  note: "Note",
  none: "Not stored",
};

function matchText(s: SubmissionDto): string {
  if (s.match.kind === "new") return `New Prospect: ${s.match.displayName}`;
  if (s.match.kind === "email") return `${s.match.displayName} (matched by email)`;
  return `${s.match.displayName} (their own link)`;
}

/** Submissions waiting for review: where every answer will go, approve, and undo afterwards. */
export function SubmissionsList() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ["form-submissions"],
    queryFn: () => api.get<{ items: SubmissionDto[] }>("/api/v1/form-submissions?limit=50"),
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ["form-submissions"] });
    void qc.invalidateQueries({ queryKey: ["consents"] });
  };
  const undo = useMutation({
    mutationFn: (id: string) => api.post<SubmissionDto>(`/api/v1/form-submissions/${id}/undo`),
    onSuccess: () => {
      refresh();
      toast({ title: "Undone: the submission is waiting for review again" });
    },
    onError: () => toast({ title: "Couldn't undo", description: "Please try again.", tone: "error" }),
  });
  const approve = useMutation({
    mutationFn: (id: string) => api.post<SubmissionDto>(`/api/v1/form-submissions/${id}/approve`),
    onSuccess: (s) => {
      refresh();
      toast({
        title: `Added to ${s.match.displayName}`,
        tone: "success",
        action: { label: "Undo", onClick: () => undo.mutate(s.id) },
      });
    },
    onError: () => toast({ title: "Couldn't approve", description: "Please try again.", tone: "error" }),
  });

  if (q.isPending) return <Skeleton className="h-24" />;
  if (q.isError)
    return <ErrorState message="Couldn't load the submissions." onRetry={() => void q.refetch()} />;
  const pending = q.data.items.filter((s) => s.status === "pending");
  const done = q.data.items.filter((s) => s.status === "approved").slice(0, 10);
  if (!pending.length && !done.length) return null;
  return (
    <section aria-labelledby="subs-title" className="space-y-3">
      <h2 id="subs-title" className="text-lg font-semibold">
        Waiting for review{" "}
        {pending.length ? <span className="tabular-nums text-muted">({pending.length})</span> : null}
      </h2>
      {!pending.length ? <p className="text-sm text-muted">Nothing to review.</p> : null}
      {pending.map((s) => (
        <article
          key={s.id}
          aria-label={`${s.formName} from ${s.submitterName ?? s.submitterEmail ?? "a client"}`}
          className="rounded-[12px] border border-border bg-surface p-4"
        >
          <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
            <div>
              <p className="font-medium">{s.formName}</p>
              <p className="text-sm text-muted">
                Sent {new Date(s.createdAt).toLocaleString()} · goes to <strong>{matchText(s)}</strong>
                {s.consentId ? " · signed consent" : ""}
              </p>
            </div>
            <Button
              variant="primary"
              loading={approve.isPending && approve.variables === s.id}
              onClick={() => approve.mutate(s.id)}
            >
              Approve
            </Button>
          </div>
          <table className="w-full text-sm">
            <thead className="sr-only">
              <tr>
                <th>Question</th>
                <th>Answer</th>
                <th>Goes to</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {s.destinations.map((d) => (
                <tr key={d.fieldId} className="align-top">
                  <td className="py-2 pr-3 font-medium">{d.label}</td>
                  <td className="whitespace-pre-wrap py-2 pr-3">{d.value}</td>
                  <td className="py-2 text-muted">{TARGET_LABEL[d.target]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      ))}
      {done.length ? (
        <details className="rounded-[12px] border border-border bg-surface p-4">
          <summary className="cursor-pointer font-medium">Recently approved</summary>
          <ul className="mt-2 divide-y divide-border">
            {done.map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                <span>
                  {s.formName} → {s.match.displayName}
                </span>
                <Button
                  size="sm"
                  loading={undo.isPending && undo.variables === s.id}
                  onClick={() => undo.mutate(s.id)}
                >
                  Undo
                </Button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
