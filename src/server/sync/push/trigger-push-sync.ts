import { eq } from "drizzle-orm";
import { env } from "@/lib/env";
import type { Ctx } from "../../context";
import { jobs } from "../../db/schema/jobs";
import { withUser } from "../../db/with-user";
import { enqueue, type Enqueued } from "../../jobs/enqueue";
import type { GoogleService } from "../../google/scopes";
import { loadTokens } from "../../google/token-store";

export const PUSH_SYNC_KEY = "push";

export type PushTrigger = "enqueued" | "deduped" | "inactive";

/**
 * Debounced incremental sync after a push notification: the job waits
 * GOOGLE_PUSH_DEBOUNCE_SECONDS and carries one dedupe key, so a burst of notifications
 * (and replays) while it is queued collapse into it. If the live job is already running it
 * may have read past the change, so at most one follow-up job is queued behind it.
 * Accounts that are not connected, or whose first import was never approved (no cursor),
 * get nothing: a notification must never start an import the user did not approve.
 */
export async function triggerPushSync(
  ctx: Ctx,
  input: { service: GoogleService },
): Promise<{ outcome: PushTrigger; jobId?: string }> {
  const t = await loadTokens(ctx, input.service);
  if (!t || t.status !== "connected" || !t.cursor) return { outcome: "inactive" };
  const kind = input.service === "gmail" ? "google_gmail_sync" : "google_calendar_sync";
  const delayMs = env().GOOGLE_PUSH_DEBOUNCE_SECONDS * 1000;
  const run = (key: string): Promise<Enqueued> =>
    enqueue(ctx, kind, { incremental: true }, { dedupeKey: key, delayMs });
  let r = await run(PUSH_SYNC_KEY);
  if (r.deduped && (await jobStatus(ctx, r.id)) === "running") r = await run(`${PUSH_SYNC_KEY}-followup`);
  return { outcome: r.deduped ? "deduped" : "enqueued", jobId: r.id };
}

async function jobStatus(ctx: Ctx, id: string): Promise<string | undefined> {
  const [row] = await withUser(ctx, (tx) =>
    tx.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, id)),
  );
  return row?.status;
}
