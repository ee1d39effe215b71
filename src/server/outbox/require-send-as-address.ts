import type { Ctx } from "../context";
import { gmailListSendAs, gmailSendConsent } from "../google/gmail/send-driver";
import { listOwnAddresses } from "../profile/list-own-addresses";
import { recordOwnAddresses } from "../profile/record-own-addresses";
import { outboxError } from "./outbox-error";

/** `from` must be the Gmail address or one of its send-as aliases (refreshed from Gmail once). */
export async function requireSendAsAddress(ctx: Ctx, from: string): Promise<string> {
  const want = from.toLowerCase();
  const known = async () =>
    (await listOwnAddresses(ctx)).some((a) => a.email === want && a.source !== "sent_from");
  if (await known()) return want;
  const consent = await gmailSendConsent(ctx);
  if (consent.accountEmail === want) return want;
  if (consent.connected) {
    const aliases = await gmailListSendAs(ctx).catch(() => []);
    await recordOwnAddresses(
      ctx,
      aliases.map((a) => ({ email: a.email, source: a.isPrimary ? "primary" : "send_as" })),
    );
    if (await known()) return want;
  }
  throw outboxError("invalid_body", `${from} is not one of your Gmail send-as addresses`);
}
