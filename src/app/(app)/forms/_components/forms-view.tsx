"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ClipboardList } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toast-store";
import { api } from "@/lib/api-client";
import type { TemplateKey } from "@/server/forms/constants";
import type { FormDto } from "@/server/forms/schemas";
import { SubmissionsList } from "./submissions-list";

const STARTERS: { key: TemplateKey | null; label: string; hint: string }[] = [
  { key: "massage", label: "Massage intake", hint: "Health history, areas to avoid, pressure" },
  { key: "yoga_parq", label: "Yoga health questionnaire", hint: "PAR-Q style readiness check" },
  { key: "coaching", label: "Coaching intake", hint: "Goals, obstacles, readiness" },
  { key: "general", label: "General intake", hint: "Contact details and what brings them" },
  { key: "waiver", label: "Waiver and consent", hint: "A liability waiver to sign" },
  { key: null, label: "Blank form", hint: "Start from nothing" },
];

/** Submissions waiting for review first, then the practitioner's forms and the starter templates. */
export function FormsView() {
  const qc = useQueryClient();
  const router = useRouter();
  const list = useQuery({
    queryKey: ["forms"],
    queryFn: () => api.get<{ items: FormDto[] }>("/api/v1/forms"),
  });
  const create = useMutation({
    mutationFn: (template: TemplateKey | null) =>
      api.post<FormDto>("/api/v1/forms", template ? { template } : { name: "Untitled form" }),
    onSuccess: (f) => {
      void qc.invalidateQueries({ queryKey: ["forms"] });
      router.push(`/forms/${f.id}`);
    },
    onError: () =>
      toast({ title: "Couldn't create the form", description: "Please try again.", tone: "error" }),
  });

  return (
    <div className="space-y-8">
      <SubmissionsList />
      <section aria-labelledby="forms-title">
        <h2 id="forms-title" className="mb-2 text-lg font-semibold">
          Your forms
        </h2>
        {list.isPending ? (
          <Skeleton className="h-16" />
        ) : list.isError ? (
          <ErrorState message="Couldn't load your forms." onRetry={() => void list.refetch()} />
        ) : !list.data.items.length ? (
          <EmptyState icon={ClipboardList} title="No forms yet">
            Start from a template below: you can change every question before you share it.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-border rounded-[12px] border border-border bg-surface">
            {list.data.items.map((f) => (
              <li key={f.id}>
                <Link
                  href={`/forms/${f.id}`}
                  className="flex items-center justify-between gap-3 px-4 py-3 hover:bg-bg focus-visible:bg-bg"
                >
                  <span className="font-medium">{f.name}</span>
                  <span className="text-sm tabular-nums text-muted">
                    {f.fields.length} fields · updated {new Date(f.updatedAt).toLocaleDateString()}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="starters-title">
        <h2 id="starters-title" className="mb-2 text-lg font-semibold">
          New form
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {STARTERS.map((s) => (
            <li key={s.label}>
              <button
                type="button"
                disabled={create.isPending}
                onClick={() => create.mutate(s.key)}
                className="w-full rounded-[12px] border border-border bg-surface p-4 text-left hover:border-primary focus-visible:border-primary disabled:opacity-60"
              >
                <span className="block font-medium">{s.label}</span>
                <span className="block text-sm text-muted">{s.hint}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
