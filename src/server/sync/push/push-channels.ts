import { and, eq, sql } from "drizzle-orm";
import type { Ctx, SystemCtx } from "../../context";
import { googlePushChannels } from "../../db/schema/push";
import { withSystem, withUser } from "../../db/with-user";

export type PushService = "gmail" | "calendar";
export type PushChannel = typeof googlePushChannels.$inferSelect;

const mine = (ctx: Ctx, service: PushService) =>
  and(eq(googlePushChannels.userId, ctx.userId), eq(googlePushChannels.service, service));

export async function loadPushChannel(ctx: Ctx, service: PushService): Promise<PushChannel | null> {
  const [row] = await withUser(ctx, (tx) => tx.select().from(googlePushChannels).where(mine(ctx, service)));
  return row ?? null;
}

export type ChannelWrite = {
  channelId: string | null;
  resourceId: string | null;
  tokenSha256: string | null;
  resource: string;
  expiresAt: Date;
};

/** One registration per user and service: a renewal replaces the previous row. */
export async function savePushChannel(ctx: Ctx, service: PushService, w: ChannelWrite): Promise<void> {
  await withUser(ctx, (tx) =>
    tx
      .insert(googlePushChannels)
      .values({ userId: ctx.userId, service, ...w })
      .onConflictDoUpdate({
        target: [googlePushChannels.userId, googlePushChannels.service],
        set: { ...w, lastSeen: null, updatedAt: new Date() },
      }),
  );
}

export async function deletePushChannel(ctx: Ctx, service: PushService): Promise<void> {
  await withUser(ctx, (tx) => tx.delete(googlePushChannels).where(mine(ctx, service)));
}

/** A notification names only the channel: found across users (no session on a webhook). */
export async function findCalendarChannel(sys: SystemCtx, channelId: string): Promise<PushChannel | null> {
  const [row] = await withSystem(sys.db, (tx) =>
    tx
      .select()
      .from(googlePushChannels)
      .where(and(eq(googlePushChannels.service, "calendar"), eq(googlePushChannels.channelId, channelId))),
  );
  return row ?? null;
}

/** Users whose Gmail watch covers this mailbox (normally one). */
export async function findGmailWatchers(sys: SystemCtx, email: string): Promise<PushChannel[]> {
  return withSystem(sys.db, (tx) =>
    tx
      .select()
      .from(googlePushChannels)
      .where(
        and(
          eq(googlePushChannels.service, "gmail"),
          sql`lower(${googlePushChannels.resource}) = ${email.trim().toLowerCase()}`,
        ),
      ),
  );
}

/**
 * Records the sequence number (Calendar message number, Gmail historyId) of a notification;
 * false when one at least as new was already seen, i.e. this one is a replay.
 */
export async function markSeen(ctx: Ctx, channelRowId: string, seq: number): Promise<boolean> {
  const r = await withUser(ctx, (tx) =>
    tx
      .update(googlePushChannels)
      .set({ lastSeen: seq })
      .where(
        and(
          eq(googlePushChannels.id, channelRowId),
          eq(googlePushChannels.userId, ctx.userId),
          sql`(${googlePushChannels.lastSeen} IS NULL OR ${googlePushChannels.lastSeen} < ${seq})`,
        ),
      )
      .returning({ id: googlePushChannels.id }),
  );
  return r.length > 0;
}

/** Registrations that expire within `withinMs` (renewal). */
export async function listExpiringChannels(
  sys: SystemCtx,
  withinMs: number,
): Promise<{ userId: string; service: PushService }[]> {
  return withSystem(sys.db, (tx) =>
    tx
      .select({ userId: googlePushChannels.userId, service: googlePushChannels.service })
      .from(googlePushChannels)
      .where(sql`${googlePushChannels.expiresAt} < ${new Date(Date.now() + withinMs)}`),
  );
}
