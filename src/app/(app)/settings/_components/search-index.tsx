"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toast-store";
import { api, ApiError, errorMessage } from "@/lib/api-client";
import { qk } from "@/lib/query-keys";
import { ErrorState } from "@/components/ui/empty-state";
import type { EmbeddingBackfill, EmbeddingCoverage } from "@/server/ai/embeddings/schemas";

const n = (x: number) => x.toLocaleString();

function backfillError(e: unknown): string {
  if (e instanceof ApiError && e.code === "ai_not_configured")
    return "AI isn't configured on this server, so nothing can be indexed.";
  if (e instanceof ApiError && e.code === "service_unavailable")
    return "The database has no pgvector extension, so search stays keyword-only.";
  if (e instanceof ApiError && e.code.startsWith("rate_limited"))
    return "Too many requests. Try again in a minute.";
  return errorMessage(e);
}

/**
 * Semantic search index coverage and the backfill button: content imported before AI was
 * configured is found by keyword only until it is indexed. Polls while items are queued.
 */
export function SearchIndexSection() {
  const client = useQueryClient();
  // Re-read every 5 s while items are being indexed, not otherwise.
  const query = useQuery({
    queryKey: qk.ai.coverage,
    queryFn: () => api.get<EmbeddingCoverage>("/api/v1/ai/embeddings/coverage"),
    refetchInterval: (q) => (q.state.data?.pending ? 5_000 : false),
  });
  const cov = query.data;
  const [busy, setBusy] = useState(false);

  const backfill = async () => {
    setBusy(true);
    try {
      const r = await api.post<EmbeddingBackfill>("/api/v1/ai/embeddings/backfill");
      toast({
        title: r.queued ? `Indexing ${n(r.queued)} items` : "Nothing new to index",
        description: r.more ? "More remain: they are queued automatically later, or click again." : undefined,
        tone: "success",
      });
      void client.invalidateQueries({ queryKey: qk.ai.coverage });
    } catch (e) {
      toast({ title: "Couldn't start indexing", description: backfillError(e), tone: "error" });
    } finally {
      setBusy(false);
    }
  };

  const missing = cov ? cov.total - cov.indexed - cov.pending : 0;
  const pct = cov && cov.total ? Math.round((cov.indexed / cov.total) * 100) : 100;
  return (
    <Card aria-labelledby="search-index">
      <CardTitle>
        <span id="search-index">Search index</span>
      </CardTitle>
      {query.error ? (
        <ErrorState message="Couldn't load the search index status." onRetry={() => void query.refetch()} />
      ) : !cov ? (
        <p className="text-sm text-muted">Loading…</p>
      ) : cov.status === "no_provider" ? (
        <p className="text-sm text-muted">
          Search finds contacts, emails and notes by keyword. To also find them by meaning, an administrator
          configures an AI provider (see docs/ai.md).
        </p>
      ) : cov.status === "no_pgvector" ? (
        <p className="text-sm text-muted">
          Search finds contacts, emails and notes by keyword. Searching by meaning needs the pgvector
          extension in the database.
        </p>
      ) : (
        <div className="space-y-3">
          <p className="text-sm">
            <span className="font-medium tabular-nums">
              {n(cov.indexed)} of {n(cov.total)}
            </span>{" "}
            items indexed for search by meaning
            {cov.pending ? <span className="text-muted"> · {n(cov.pending)} being indexed</span> : null}
          </p>
          <div
            role="progressbar"
            aria-label="Items indexed"
            aria-valuenow={pct}
            aria-valuemin={0}
            aria-valuemax={100}
            className="h-2 overflow-hidden rounded-full bg-bg"
          >
            <div className="h-full bg-primary transition-all" style={{ width: `${pct}%` }} />
          </div>
          {missing > 0 ? (
            <div className="flex flex-wrap items-center gap-3">
              <Button variant="primary" size="sm" loading={busy} onClick={() => void backfill()}>
                Index {n(missing)} remaining items
              </Button>
              <p className="text-xs text-muted">
                Uses a little of your AI budget; keyword search works meanwhile.
              </p>
            </div>
          ) : null}
        </div>
      )}
    </Card>
  );
}
