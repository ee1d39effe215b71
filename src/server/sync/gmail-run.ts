import { withUser } from "../db/with-user";
import { enqueueInsightsForBatch } from "../ai/jobs/enqueue-ai-jobs";
import { gmailGetProfile } from "../google/gmail/gmail-reads";
import { openGmail, type GmailSession } from "../google/gmail/gmail-session";
import { gmailListSendAs } from "../google/gmail/send-driver";
import { updateIntegration } from "../google/token-store";
import { listOwnAddresses, type OwnAddress } from "../profile/list-own-addresses";
import { recordOwnAddresses } from "../profile/record-own-addresses";
import { setBatch } from "./batch-progress";
import { linkParticipants } from "./resolve-contacts";
import type { SyncCtx } from "./sync-context";
import type { SyncPrefs } from "./schemas";
import { getSyncPrefs } from "./sync-prefs";

/** What one google_gmail_sync job carries from page to page (full and incremental alike). */
export type GmailRun = {
  gmail: GmailSession;
  own: Set<string>;
  prefs: SyncPrefs;
  batchId: string | null;
};

/**
 * Opens the job's Gmail session (the only token read of the run) and learns who the user
 * is: the Google calls come first, then one transaction records the account email and the
 * user's own addresses and reads the sync prefs.
 */
export async function openGmailRun(ctx: SyncCtx, batchId: string | null): Promise<GmailRun> {
  const gmail = await openGmail(ctx);
  const profile = await gmailGetProfile(gmail);
  const stored = gmail.tokens.accountEmail;
  const own = new Set([profile.emailAddress, stored ?? ""].filter(Boolean));
  const found = await ownAddressesAtGoogle(ctx, gmail, profile.emailAddress);
  const prefs = await withUser(ctx, async (tx) => {
    const inTx = { ...ctx, tx };
    if (profile.emailAddress && profile.emailAddress !== stored) {
      await updateIntegration(inTx, "gmail", { accountEmail: profile.emailAddress });
    }
    await recordOwnAddresses(inTx, found);
    for (const a of await listOwnAddresses(inTx)) own.add(a.email);
    return getSyncPrefs(inTx);
  });
  return { gmail, own, prefs, batchId };
}

/** The user's own identities (primary, send-as aliases) never become contacts. */
async function ownAddressesAtGoogle(
  ctx: SyncCtx,
  gmail: GmailSession,
  primary: string,
): Promise<OwnAddress[]> {
  const found: OwnAddress[] = primary ? [{ email: primary, source: "primary" }] : [];
  try {
    for (const a of await gmailListSendAs(gmail))
      if (a.email) found.push({ email: a.email, source: a.isPrimary ? "primary" : "send_as" });
  } catch (e) {
    // Aliases are a refinement: an import must not fail because sendAs.list did.
    ctx.log.warn({ err: e instanceof Error ? e.message : String(e) }, "gmail sendAs.list failed");
  }
  return found;
}

/** Ends a run: re-link the batch, queue insights, mark it done and store the new cursor. */
export async function finishGmailRun(ctx: SyncCtx, run: GmailRun, cursor: string): Promise<void> {
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
