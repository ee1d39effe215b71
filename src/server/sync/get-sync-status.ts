import { and, desc, eq, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { jobs } from "../db/schema/jobs";
import { syncBatches, userIntegrations } from "../db/schema/sync";
import { withUser } from "../db/with-user";
import { serviceEnabled, type GoogleService } from "../google/scopes";
import type { SyncStatus } from "./schemas";

type Integration = typeof userIntegrations.$inferSelect;
type Batch = typeof syncBatches.$inferSelect;
type JobRow = { kind: string; status: string; runAfter: Date; lastError: string | null };

const KIND: Record<GoogleService, string> = { gmail: "google_gmail_sync", calendar: "google_calendar_sync" };

/** Everything the sync page shows, in one read: connection, per-service state, jobs. */
export async function getSyncStatus(ctx: Ctx): Promise<SyncStatus> {
  const { integrations, batches, counts, live } = await withUser(ctx, async (tx) => ({
    integrations: await tx.select().from(userIntegrations).where(eq(userIntegrations.userId, ctx.userId)),
    batches: await tx
      .select()
      .from(syncBatches)
      .where(eq(syncBatches.userId, ctx.userId))
      .orderBy(desc(syncBatches.createdAt))
      .limit(20),
    counts: (
      await tx.execute<Record<string, number>>(sql`SELECT
        count(*) FILTER (WHERE status = 'queued')::int queued, count(*) FILTER (WHERE status = 'running')::int running,
        count(*) FILTER (WHERE status = 'error')::int retrying, count(*) FILTER (WHERE status = 'dead')::int failed,
        count(*) FILTER (WHERE status = 'done')::int done FROM jobs WHERE user_id = ${ctx.userId}`)
    ).rows[0]!,
    live: await tx
      .select({ kind: jobs.kind, status: jobs.status, runAfter: jobs.runAfter, lastError: jobs.lastError })
      .from(jobs)
      .where(and(eq(jobs.userId, ctx.userId), sql`${jobs.status} IN ('queued','running','error')`))
      .orderBy(desc(jobs.createdAt))
      .limit(50),
  }));
  const google = integrations.filter((i) => i.provider === "google");
  const lastSync = google
    .map((i) => i.lastSyncAt)
    .filter((d): d is Date => !!d)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return {
    googleConnected: google.some((i) => i.status === "connected"),
    flags: {
      gmail: serviceEnabled("gmail"),
      calendar: serviceEnabled("calendar"),
      drive: serviceEnabled("drive"),
    },
    lastSync: lastSync?.toISOString() ?? null,
    lastBatchId: batches[0]?.id ?? null,
    grantedScopes: [...new Set(google.flatMap((i) => i.grantedScopes))],
    jobs: {
      queued: counts.queued ?? 0,
      running: counts.running ?? 0,
      retrying: counts.retrying ?? 0,
      failed: counts.failed ?? 0,
      done: counts.done ?? 0,
    },
    providers: {
      gmail: providerStatus("gmail", google, batches, live),
      calendar: providerStatus("calendar", google, batches, live),
    },
  };
}

function providerStatus(service: GoogleService, all: Integration[], batches: Batch[], live: JobRow[]) {
  const i = all.find((x) => x.service === service);
  const base = {
    enabled: serviceEnabled(service),
    connected: !!i && i.status === "connected",
    lastSync: i?.lastSyncAt?.toISOString() ?? null,
    lastError: i?.lastError ?? null,
    accountEmail: i?.accountEmail ?? null,
  };
  if (!i) return { state: "not_connected" as const, ...base };
  if (i.status === "needs_reconnect") return { state: "needs_reconnect" as const, ...base };
  const retry = live.find((j) => j.kind === KIND[service] && j.status === "error");
  if (retry) {
    return {
      state: "retrying" as const,
      nextAttemptAt: retry.runAfter.toISOString(),
      ...base,
      lastError: base.lastError ?? retry.lastError,
    };
  }
  const active = batches.find(
    (b) => b.provider === service && (b.status === "queued" || b.status === "importing"),
  );
  if (active) {
    const c = active.counts as Record<string, unknown>;
    const done = typeof c.done === "number" ? c.done : 0;
    const total = typeof c.total === "number" ? Math.max(c.total, done) : null;
    return { state: "importing" as const, done, total, ...base };
  }
  return { state: "idle" as const, ...base };
}
