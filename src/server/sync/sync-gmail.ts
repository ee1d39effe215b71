import { authorizedClient } from "../google/authorized-client";
import { callGoogle } from "../google/call-google";
import { GmailApi, type GmailRawMessage } from "../google/client";
import { GoogleError } from "../google/errors";
import { fetchMessages, labelQuery, passesLabels } from "../google/gmail/fetch-messages";
import { QUOTA_COST, takeQuota } from "../google/quota";
import { loadTokens, updateIntegration } from "../google/token-store";
import { enqueueInsightsForBatch } from "../ai/jobs/enqueue-ai-jobs";
import { loadBatch, setBatch } from "./batch-progress";
import { importChunk } from "./import-google-chunk";
import { normalizeEmails } from "./normalize-email";
import { linkParticipants } from "./resolve-contacts";
import { checkAborted, handleSyncFailure, type SyncCtx } from "./sync-context";
import { getSyncPrefs } from "./sync-prefs";
import { syncGmailIncremental } from "./sync-gmail-incremental";
import { withUser } from "../db/with-user";
import { gmailListSendAs } from "../google/gmail/send-driver";
import { listOwnAddresses, type OwnAddress } from "../profile/list-own-addresses";
import { recordOwnAddresses } from "../profile/record-own-addresses";

export type GmailRun = {
  api: GmailApi;
  breakerKey: string;
  own: Set<string>;
  prefs: Awaited<ReturnType<typeof getSyncPrefs>>;
  batchId: string | null;
};

/**
 * The google_gmail_sync job. Full sync: page messages.list (500 ids) under the user's
 * query and label filters, fetch each page within the quota budget, import it as one
 * chunk, checkpoint the next page token with it (a crash resumes there), and finally store
 * the historyId taken before listing. Incremental: history.list from the stored cursor;
 * an expired cursor (404) falls back to a full sync.
 */
export async function syncGmail(
  ctx: SyncCtx,
  input: { batchId: string | null; incremental: boolean },
): Promise<void> {
  const batch = input.batchId ? await loadBatch(ctx, input.batchId) : null;
  if (batch?.status === "undone") return;
  try {
    const run = await openRun(ctx, input.batchId);
    const tokens = await loadTokens(ctx, "gmail");
    if (input.incremental && tokens?.cursor) {
      try {
        await syncGmailIncremental(ctx, run, tokens.cursor);
        return;
      } catch (e) {
        if (!(e instanceof GoogleError && e.kind === "cursor_invalid")) throw e;
        ctx.log.warn("gmail history cursor expired; falling back to a full sync");
      }
    }
    await fullSync(ctx, run, batch?.counts ?? {});
  } catch (e) {
    await handleSyncFailure(ctx, "gmail", input.batchId, e);
  }
}

async function openRun(ctx: SyncCtx, batchId: string | null): Promise<GmailRun> {
  const client = await authorizedClient(ctx, "gmail");
  const api = new GmailApi(client);
  const breakerKey = `${ctx.userId}:gmail`;
  await takeQuota(ctx.userId, QUOTA_COST.getProfile);
  const profile = await callGoogle({ breakerKey }, () => api.getProfile());
  const tokens = await loadTokens(ctx, "gmail");
  const own = new Set([profile.emailAddress, tokens?.accountEmail ?? ""].filter(Boolean));
  if (profile.emailAddress && profile.emailAddress !== tokens?.accountEmail) {
    await updateIntegration(ctx, "gmail", { accountEmail: profile.emailAddress });
  }
  await learnOwnAddresses(ctx, own, profile.emailAddress);
  return { api, breakerKey, own, prefs: await getSyncPrefs(ctx), batchId };
}

/** The user's own identities (stored, primary, send-as aliases) never become contacts. */
async function learnOwnAddresses(ctx: SyncCtx, own: Set<string>, primary: string): Promise<void> {
  const found: OwnAddress[] = primary ? [{ email: primary, source: "primary" }] : [];
  try {
    for (const a of await gmailListSendAs(ctx))
      if (a.email) found.push({ email: a.email, source: a.isPrimary ? "primary" : "send_as" });
  } catch (e) {
    // Aliases are a refinement: an import must not fail because sendAs.list did.
    ctx.log.warn({ err: e instanceof Error ? e.message : String(e) }, "gmail sendAs.list failed");
  }
  await recordOwnAddresses(ctx, found);
  for (const a of await listOwnAddresses(ctx)) own.add(a.email);
}

async function fullSync(ctx: SyncCtx, run: GmailRun, counts: Record<string, unknown>): Promise<void> {
  const { prefs, api, breakerKey } = run;
  // Resume: a checkpointed run continues from its next page with the cursor it started from.
  let pageToken = typeof counts.pageToken === "string" ? counts.pageToken : undefined;
  let startHistoryId = typeof counts.startHistoryId === "string" ? counts.startHistoryId : undefined;
  let done = typeof counts.done === "number" ? counts.done : 0;
  let total = typeof counts.total === "number" ? counts.total : undefined;
  if (!startHistoryId) {
    await takeQuota(ctx.userId, QUOTA_COST.getProfile);
    startHistoryId = (await callGoogle({ breakerKey }, () => api.getProfile())).historyId;
  }
  if (run.batchId) await setBatch(ctx, run.batchId, { status: "importing", set: { startHistoryId } });
  const q = labelQuery(prefs.gmailQuery, prefs.gmailLabelExcludes);
  for (;;) {
    checkAborted(ctx);
    if (run.batchId && (await loadBatch(ctx, run.batchId))?.status === "undone") return;
    await takeQuota(ctx.userId, QUOTA_COST["messages.list"]);
    const page = await callGoogle({ breakerKey }, () =>
      api.listMessageIds({
        q,
        labelIds: prefs.gmailLabelIncludes.length === 1 ? prefs.gmailLabelIncludes : undefined,
        pageToken,
      }),
    );
    if (total === undefined) total = page.estimate;
    await importMessages(ctx, run, page.ids, {
      pageToken: page.nextPageToken ?? null,
      startHistoryId,
      ...(total !== undefined ? { total } : {}),
    });
    done += page.ids.length;
    await ctx.reportProgress?.(done, Math.max(total ?? 0, done));
    if (!page.nextPageToken) break;
    pageToken = page.nextPageToken;
  }
  await finish(ctx, run, startHistoryId);
}

/** Fetch → parse → normalize → import one page; the checkpoint commits with its rows. */
export async function importMessages(
  ctx: SyncCtx,
  run: GmailRun,
  ids: string[],
  checkpoint: Record<string, string | number | null>,
): Promise<void> {
  const t0 = performance.now();
  const msgs = await fetchMessages(run.api, ids, {
    userId: ctx.userId,
    breakerKey: run.breakerKey,
    signal: ctx.signal,
  });
  const t1 = performance.now();
  const kept = msgs.filter((m) =>
    passesLabels(m.labelIds, run.prefs.gmailLabelIncludes, run.prefs.gmailLabelExcludes),
  );
  let items = await normalizeEmails(kept, run.own, { signal: ctx.signal });
  // Every From of the user's SENT mail is the user: learn new ones before any contact is made
  // (rare after the first pages, so the page is simply normalized again with them).
  const fresh = new Set<string>();
  for (const it of items) {
    const from = it.interaction.metadata.from;
    const labels = it.interaction.metadata.labelIds;
    if (typeof from === "string" && Array.isArray(labels) && labels.includes("SENT") && !run.own.has(from))
      fresh.add(from);
  }
  if (fresh.size) {
    for (const e of fresh) run.own.add(e);
    await recordOwnAddresses(
      ctx,
      [...fresh].map((email) => ({ email, source: "sent_from" as const })),
    );
    items = await normalizeEmails(kept, run.own, { signal: ctx.signal });
  }
  const t2 = performance.now();
  await importChunk(ctx, {
    provider: "gmail",
    batchId: run.batchId,
    policy: run.prefs.contactCreationPolicy,
    items,
    raws: kept.map((m, i) => ({
      sourceId: m.id,
      occurredAt: items[i]!.interaction.occurredAt,
      payload: rawPayload(m),
    })),
    processed: ids.length,
    checkpoint,
  });
  ctx.log.debug(
    {
      n: ids.length,
      fetchMs: Math.round(t1 - t0),
      parseMs: Math.round(t2 - t1),
      importMs: Math.round(performance.now() - t2),
    },
    "gmail page imported",
  );
}

export async function finish(ctx: SyncCtx, run: GmailRun, cursor: string): Promise<void> {
  // Contacts created late in the run (an outbound reply on a later page) also own earlier mail.
  if (run.batchId) {
    const batchId = run.batchId;
    await withUser(ctx, (tx) => linkParticipants(tx, ctx.userId, { batchId }));
    await enqueueInsightsForBatch(ctx, batchId);
    await setBatch(ctx, batchId, { status: "done", set: { pageToken: null } });
  }
  await updateIntegration(ctx, "gmail", {
    cursor,
    lastSyncAt: new Date(),
    lastError: null,
    status: "connected",
  });
}

const RAW_KEEP_BYTES = 128 * 1024;

/** Large messages (attachments) keep their metadata only; the text already lives in the interaction. */
function rawPayload(
  m: GmailRawMessage,
): GmailRawMessage | (Omit<GmailRawMessage, "raw"> & { rawOmitted: true }) {
  if (m.raw.length <= RAW_KEEP_BYTES) return m;
  const { raw: _raw, ...rest } = m;
  return { ...rest, rawOmitted: true };
}
