import { eq } from "drizzle-orm";
import { z } from "zod";
import { env } from "@/lib/env";
import type { Ctx } from "../context";
import { outboxSettings } from "../db/schema/outbox";
import { withUser } from "../db/with-user";
import { gmailSendConsent } from "../google/gmail/send-driver";
import { listOwnAddresses } from "../profile/list-own-addresses";

export const SEND_CONSENT_URL = "/api/v1/google/oauth?scope=gmail_send";

export const outboxSettingsSchema = z.object({
  signature: z.string(),
  dailyCap: z.number().int(),
  bookingLink: z.string(),
  /** Addresses you can send from: your Gmail address first, then its send-as aliases. */
  sendAs: z.array(z.string()),
  /** Whether Gmail is connected and sending was allowed (incremental consent). */
  gmail: z.object({ connected: z.boolean(), canSend: z.boolean(), authorizeUrl: z.string() }),
});
export type OutboxSettings = z.infer<typeof outboxSettingsSchema>;

export const updateOutboxSettingsInput = z.strictObject({
  signature: z.string().max(2000).optional(),
  dailyCap: z.number().int().min(1).max(2000).nullable().optional(),
  bookingLink: z.union([z.url({ protocol: /^https?$/ }).max(500), z.literal("")]).optional(),
});

/** Signature (Markdown, appended to every email), effective daily send cap, booking link merge field. */
export async function getOutboxSettings(ctx: Ctx): Promise<OutboxSettings> {
  const [row] = await withUser(ctx, (tx) =>
    tx.select().from(outboxSettings).where(eq(outboxSettings.userId, ctx.userId)),
  );
  const consent = await gmailSendConsent(ctx);
  const own = (await listOwnAddresses(ctx)).filter((a) => a.source !== "sent_from");
  const primary = consent.accountEmail ?? own.find((a) => a.source === "primary")?.email;
  const sendAs = [...new Set([primary, ...own.map((a) => a.email)].filter((a): a is string => !!a))];
  return {
    signature: row?.signature ?? "",
    // A user may set a lower cap than the server's, never a higher one.
    dailyCap: Math.min(row?.dailyCap ?? env().OUTBOX_DAILY_CAP, env().OUTBOX_DAILY_CAP),
    bookingLink: row?.bookingLink ?? "",
    sendAs,
    gmail: { connected: consent.connected, canSend: consent.canSend, authorizeUrl: SEND_CONSENT_URL },
  };
}

export async function updateOutboxSettings(ctx: Ctx, raw: unknown): Promise<OutboxSettings> {
  const input = updateOutboxSettingsInput.parse(raw);
  await withUser(ctx, (tx) =>
    tx
      .insert(outboxSettings)
      .values({ userId: ctx.userId, ...input })
      .onConflictDoUpdate({ target: outboxSettings.userId, set: { ...input, updatedAt: new Date() } }),
  );
  return getOutboxSettings(ctx);
}
