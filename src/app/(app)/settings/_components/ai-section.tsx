"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, CircleOff } from "lucide-react";
import { Card, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/empty-state";
import { queryGate } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toast-store";
import { friendlyError } from "@/components/contacts/friendly-error";
import { api } from "@/lib/api-client";
import { dateTime } from "@/lib/format";
import { qk } from "@/lib/query-keys";
import type { AiUsageSummary } from "@/server/ai/get-ai-usage";
import type { AiUsageHistory } from "@/server/ai/get-ai-usage-history";
import { AiUsageChart } from "./ai-usage-chart";
import { SearchIndexSection } from "./search-index";

type AiSettings = { includeHealthContext: boolean; configured: boolean };
const usd = (n: number) => `$${n.toFixed(2)}`;

function Status({ usage }: { usage: AiUsageSummary }) {
  return (
    <Card>
      <CardTitle>Provider</CardTitle>
      {usage.configured ? (
        <p className="flex items-center gap-2 text-sm">
          <CheckCircle2 aria-hidden size={16} className="text-success" /> An AI provider is set up: the
          assistant, insights and search by meaning are on.
        </p>
      ) : (
        <p className="flex items-start gap-2 text-sm text-muted">
          <CircleOff aria-hidden size={16} className="mt-0.5 shrink-0" /> No AI provider is set up on this
          server. The assistant and insights are off; search still finds words. An administrator sets
          AI_PROVIDER and AI_API_KEY (see docs/ai.md).
        </p>
      )}
    </Card>
  );
}

function HealthSwitch() {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: qk.settings.ai,
    queryFn: () => api.get<AiSettings>("/api/v1/ai/settings"),
  });
  const save = useMutation({
    mutationFn: (includeHealthContext: boolean) =>
      api.put<AiSettings>("/api/v1/ai/settings", { includeHealthContext }),
    onSuccess: (s) => {
      client.setQueryData(qk.settings.ai, s);
      toast({
        title: s.includeHealthContext
          ? "Health notes will be shared with the AI"
          : "Health notes stay private",
        tone: "success",
      });
    },
    onError: (e) =>
      toast({ title: "Couldn't change the setting", description: friendlyError(e), tone: "error" }),
  });
  const gate = queryGate(query, "your AI privacy setting", <Skeleton className="h-16" />);
  return (
    <Card>
      <CardTitle>Privacy</CardTitle>
      {gate ?? (
        <label className="flex min-h-[44px] items-start gap-3 text-sm">
          <input
            type="checkbox"
            role="switch"
            checked={save.isPending ? !!save.variables : query.data!.includeHealthContext}
            disabled={save.isPending}
            onChange={(e) => save.mutate(e.target.checked)}
            className="mt-0.5 h-5 w-5 accent-[var(--primary)]"
          />
          <span>
            <span className="font-medium">Include clients&apos; health context in AI requests</span>
            <span className="block text-muted">
              Off by default. When on, the private health notes on a contact are sent to the AI provider for
              insights and the assistant&apos;s answers.
            </span>
          </span>
        </label>
      )}
    </Card>
  );
}

function Usage() {
  const usage = useQuery({
    queryKey: qk.ai.usage,
    queryFn: () => api.get<AiUsageSummary>("/api/v1/ai/usage"),
  });
  const history = useQuery({
    queryKey: qk.ai.usageHistory,
    queryFn: () => api.get<AiUsageHistory>("/api/v1/ai/usage/history"),
  });
  const gate = queryGate(usage, "your AI usage", <Skeleton className="h-40" />);
  if (gate) return gate;
  const u = usage.data!;
  const used = u.creditsMonthly - u.creditsLeft;
  const pct = u.creditsMonthly ? Math.min(100, Math.round((used / u.creditsMonthly) * 100)) : 0;
  return (
    <>
      <Status usage={u} />
      <Card>
        <CardTitle>This month</CardTitle>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <div>
            <dt className="text-sm text-muted">Credits left</dt>
            <dd className="text-2xl font-semibold tabular" data-testid="ai-credits-left">
              {u.creditsLeft}
              <span className="text-sm font-normal text-muted"> of {u.creditsMonthly}</span>
            </dd>
          </div>
          <div>
            <dt className="text-sm text-muted">Cost this month</dt>
            <dd className="text-2xl font-semibold tabular">{usd(u.monthCostUsd)}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">Cost today</dt>
            <dd className="text-2xl font-semibold tabular">{usd(u.todayCostUsd)}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">Limits</dt>
            <dd className="text-sm">
              {u.requestsPerMinute} requests a minute
              {u.dailyCostCapUsd !== null ? `, ${usd(u.dailyCostCapUsd)} a day` : ""}
            </dd>
          </div>
        </dl>
        <div
          role="progressbar"
          aria-label="Credits used this month"
          aria-valuenow={pct}
          aria-valuemin={0}
          aria-valuemax={100}
          className="mt-4 h-2 overflow-hidden rounded-full bg-bg"
        >
          <div className="h-full bg-primary" style={{ width: `${pct}%` }} />
        </div>
        <div className="mt-6">
          {history.error ? (
            <ErrorState
              message={friendlyError(history.error, "the usage history")}
              onRetry={() => void history.refetch()}
            />
          ) : history.data ? (
            <AiUsageChart history={history.data} />
          ) : (
            <Skeleton className="h-48" />
          )}
        </div>
      </Card>
      <Card>
        <CardTitle>Recent AI calls</CardTitle>
        {history.data && history.data.recent.length ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm tabular">
              <caption className="sr-only">Recent AI calls</caption>
              <thead>
                <tr className="border-b border-border text-muted">
                  <th scope="col" className="py-2 pr-3 font-medium">
                    When
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    What
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Model
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Tokens in / out
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Cost
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.data.recent.map((r, i) => (
                  <tr key={i} className="border-b border-border last:border-0">
                    <td className="py-2 pr-3">{dateTime(r.at)}</td>
                    <td className="py-2 pr-3">{r.operation}</td>
                    <td className="py-2 pr-3">{r.model}</td>
                    <td className="py-2 pr-3">
                      {r.inputTokens} / {r.outputTokens}
                    </td>
                    <td className="py-2">${r.costUsd.toFixed(4)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : history.data ? (
          <p className="text-sm text-muted">No AI calls yet. They are listed here with what each one cost.</p>
        ) : null}
      </Card>
    </>
  );
}

export function AiSection() {
  return (
    <div className="space-y-4">
      <Usage />
      <HealthSwitch />
      <SearchIndexSection />
    </div>
  );
}
