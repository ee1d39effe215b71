import { randomBytes } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { appEncryptor, appSigner } from "../crypto/app-crypto";
import { syncAudit } from "../db/schema/sync";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import type { GoogleService } from "./scopes";

export const STATE_COOKIE = "gauth";
export const STATE_TTL_MS = 5 * 60_000;

/** Where the browser goes back to: the Outbox for the send step asked at the first send. */
export type OAuthReturn = "sync" | "outbox";

type CookieBody = { u: string; n: string; v: string; s: GoogleService; e: number; r?: OAuthReturn };

/**
 * The OAuth state is user-bound (signed over user id + nonce), short-lived (cookie and
 * row expire in 5 minutes) and single-use: the nonce is recorded in sync_audit as
 * "oauth_start" and atomically flipped to "oauth_consumed" by the callback, so a replayed
 * callback finds nothing to consume. The PKCE verifier travels in the encrypted cookie.
 */
export async function issueState(
  ctx: Ctx,
  service: GoogleService,
  verifier: string,
  returnTo: OAuthReturn = "sync",
): Promise<{ state: string; cookie: string }> {
  const nonce = randomBytes(18).toString("base64url");
  const sig = appSigner("google-oauth-state").sign(`${ctx.userId}:${nonce}:${service}`);
  const body: CookieBody = {
    u: ctx.userId,
    n: nonce,
    v: verifier,
    s: service,
    e: Date.now() + STATE_TTL_MS,
    r: returnTo,
  };
  await withUser(ctx, (tx) =>
    tx
      .insert(syncAudit)
      .values({ userId: ctx.userId, provider: service, action: "oauth_start", payload: { nonce } }),
  );
  return { state: `${nonce}.${sig}`, cookie: appEncryptor().encrypt(JSON.stringify(body), "general") };
}

export async function consumeState(
  ctx: Ctx,
  state: string,
  cookie: string | undefined,
): Promise<{ service: GoogleService; verifier: string; returnTo: OAuthReturn }> {
  const bad = () => new AppError("invalid_state", "The sign-in link expired or was already used; try again.");
  if (!cookie) throw bad();
  let body: CookieBody;
  try {
    body = JSON.parse(appEncryptor().decrypt(cookie, "general")) as CookieBody;
  } catch {
    throw bad();
  }
  const [nonce, sig] = state.split(".");
  if (!nonce || !sig || body.u !== ctx.userId || body.n !== nonce || body.e < Date.now()) throw bad();
  if (!appSigner("google-oauth-state").verify(`${ctx.userId}:${nonce}:${body.s}`, sig)) throw bad();
  const consumed = await withUser(ctx, (tx) =>
    tx
      .update(syncAudit)
      .set({ action: "oauth_consumed" })
      .where(
        and(
          eq(syncAudit.userId, ctx.userId),
          eq(syncAudit.action, "oauth_start"),
          sql`${syncAudit.payload}->>'nonce' = ${nonce}`,
          gt(syncAudit.createdAt, new Date(Date.now() - STATE_TTL_MS)),
        ),
      )
      .returning({ id: syncAudit.id }),
  );
  if (consumed.length !== 1) throw bad();
  return { service: body.s, verifier: body.v, returnTo: body.r ?? "sync" };
}
