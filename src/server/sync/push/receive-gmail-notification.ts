import { env } from "@/lib/env";
import type { SystemCtx } from "../../context";
import { AppError } from "../../errors";
import { findGmailWatchers, markSeen } from "./push-channels";
import { gmailPushTopic } from "./push-config";
import { gmailPushData, type PushOutcome } from "./schemas";
import { sha256Hex } from "./ensure-push-watch";
import { triggerPushSync } from "./trigger-push-sync";
import { verifyPubSubOidc } from "../../google/verify-pubsub-oidc";
import { secretMatches } from "./verify-secret";

const RANK: Record<PushOutcome, number> = { sync_ack: 0, replay: 1, inactive: 2, deduped: 3, enqueued: 4 };

/**
 * One Gmail Pub/Sub push. Verified by the shared secret the push subscription carries in
 * its URL (?token=, compared in constant time) and/or the subscription's Google-signed OIDC
 * token (audience, optionally service account) → 401 otherwise; push not configured or a
 * mailbox nobody watches → 404; nothing runs in either case. A historyId not newer than
 * the last one seen (Pub/Sub redelivery) is a replay; otherwise a debounced incremental
 * Gmail sync is queued for each user watching the mailbox.
 */
export async function receiveGmailNotification(
  sys: SystemCtx,
  input: { token: string | undefined; authorization: string | null; data: string },
): Promise<{ outcome: PushOutcome }> {
  const e = env();
  const secret = e.GOOGLE_PUBSUB_VERIFICATION_TOKEN;
  const audience = e.GOOGLE_PUBSUB_AUDIENCE;
  if (!gmailPushTopic()) throw new AppError("not_found", "gmail push is not configured");
  if (secret && !secretMatches(input.token, sha256Hex(secret)))
    throw new AppError("unauthorized", "push token does not match");
  const oidc = {
    audience,
    serviceAccount: e.GOOGLE_PUBSUB_SERVICE_ACCOUNT,
    certsUrl: e.GOOGLE_OIDC_CERTS_URL,
  };
  if (audience && !(await verifyPubSubOidc(input.authorization, { ...oidc, audience })))
    throw new AppError("unauthorized", "push OIDC token does not verify");
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(input.data, "base64").toString("utf8"));
  } catch {
    throw new AppError("invalid_body", "message.data is not base64 JSON");
  }
  const parsed = gmailPushData.safeParse(decoded);
  if (!parsed.success) throw new AppError("invalid_body", "message.data lacks emailAddress/historyId");
  const watchers = await findGmailWatchers(sys, parsed.data.emailAddress);
  if (watchers.length === 0) throw new AppError("not_found", "no watch for this mailbox");
  let best: PushOutcome = "replay";
  for (const w of watchers) {
    const ctx = { db: sys.db, userId: w.userId, log: sys.log.child({ userId: w.userId }) };
    const fresh = await markSeen(ctx, w.id, parsed.data.historyId);
    const outcome = fresh ? (await triggerPushSync(ctx, { service: "gmail" })).outcome : "replay";
    if (RANK[outcome] > RANK[best]) best = outcome;
  }
  return { outcome: best };
}
