import type { Ctx } from "../context";
import { appOrigin } from "../auth/auth-secret";
import { getToday } from "../today/get-today";
import { renderDigest, type RenderedDigest } from "./render-digest";
import { unsubscribeToken } from "./unsubscribe-token";

export function unsubscribeUrl(userId: string, origin = appOrigin()): string {
  return `${origin}/api/v1/digest/unsubscribe?token=${encodeURIComponent(unsubscribeToken(userId))}`;
}

/** The digest that would be sent now: the Today items rendered as the email. */
export async function getDigestPreview(ctx: Ctx, now: Date = new Date()): Promise<RenderedDigest> {
  const origin = appOrigin();
  return renderDigest(await getToday(ctx, now), {
    origin,
    unsubscribeUrl: unsubscribeUrl(ctx.userId, origin),
  });
}
