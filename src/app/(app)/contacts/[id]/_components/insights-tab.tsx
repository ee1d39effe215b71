"use client";

import Link from "next/link";
import { Sparkles } from "lucide-react";
import { useQuery } from "@tanstack/react-query";
import { api, ApiError } from "@/lib/api-client";
import { ErrorState } from "@/components/ui/empty-state";
import { friendlyError } from "@/components/contacts/friendly-error";
import { qk } from "@/lib/query-keys";
import { Card, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/spinner";
import { relativeTime } from "@/lib/format";
import type { ContactInsight } from "@/server/ai/insights/insight-schema";

// The AI work owns insights: GET /api/v1/ai/insights/{contactId} answers {insight: unknown|null}
// (today {content, createdAt, …}). Read defensively; anything unexpected shows the explainer.
type Found = { content: ContactInsight; createdAt?: string };

function pick(data: unknown): Found | null {
  const d = data as Record<string, unknown> | null;
  const inner = (d?.insight ?? d) as Record<string, unknown> | null;
  const content = (inner?.content ?? inner) as Partial<ContactInsight> | null;
  if (!content || typeof content.summary !== "string") return null;
  return {
    content: content as ContactInsight,
    createdAt: typeof inner?.createdAt === "string" ? inner.createdAt : undefined,
  };
}

const riskText = {
  none: "No sign of drifting away",
  low: "Low risk",
  medium: "Some risk",
  high: "High risk",
} as const;

export function InsightsTab({ contactId }: { contactId: string }) {
  // Insights are optional (no AI, nothing written yet): a failed read shows the explainer.
  const query = useQuery({
    queryKey: qk.insights(contactId),
    queryFn: () => api.get<unknown>(`/api/v1/ai/insights/${contactId}`).then(pick),
    retry: false,
  });
  if (query.isPending) return <Skeleton className="h-32" />;
  // "Not there yet" answers (404, AI off) show the explainer; a failure worth retrying says so.
  const e = query.error;
  if (e && !(e instanceof ApiError && e.status < 500 && e.status !== 429))
    return <ErrorState message={friendlyError(e, "the insights")} onRetry={() => void query.refetch()} />;
  const i = query.data ?? null;
  if (!i)
    return (
      <Card>
        <CardTitle>
          <span className="flex items-center gap-2">
            <Sparkles aria-hidden size={16} className="text-accent" /> Insights
          </span>
        </CardTitle>
        <p className="text-muted">
          When the AI assistant is set up, it reads this client&apos;s timeline and notes and writes a short
          summary, a suggested next step and whether they may be drifting away. Health details are only
          included if you allow it.
        </p>
        <Link href="/assistant" className="mt-3 inline-block text-sm font-medium text-primary underline">
          Open the assistant
        </Link>
      </Card>
    );
  return (
    <Card>
      <CardTitle
        action={
          i.createdAt ? <span className="text-xs text-muted">Updated {relativeTime(i.createdAt)}</span> : null
        }
      >
        <span className="flex items-center gap-2">
          <Sparkles aria-hidden size={16} className="text-accent" /> Insights
        </span>
      </CardTitle>
      <dl className="space-y-3 text-sm">
        <div>
          <dt className="font-medium text-muted">Summary</dt>
          <dd className="mt-0.5">{i.content.summary}</dd>
        </div>
        <div>
          <dt className="font-medium text-muted">Next step</dt>
          <dd className="mt-0.5">{i.content.nextStep}</dd>
        </div>
        <div>
          <dt className="font-medium text-muted">Risk</dt>
          <dd className="mt-0.5">
            {riskText[i.content.risk] ?? i.content.risk}
            {i.content.riskReason ? ` — ${i.content.riskReason}` : ""}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-muted">Persona</dt>
          <dd className="mt-0.5">{i.content.persona}</dd>
        </div>
      </dl>
    </Card>
  );
}
