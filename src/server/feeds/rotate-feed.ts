import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { calendarFeeds } from "../db/schema/followups";
import { withUser } from "../db/with-user";
import { hashFeedToken, newFeedToken } from "./feed-token";

/**
 * A new secret calendar-feed URL. Only the token's hash is stored, so the URL is shown
 * once; the previous URL stops working in the same transaction.
 */
export async function rotateFeed(ctx: Ctx, input: { origin: string }): Promise<{ url: string }> {
  const token = newFeedToken();
  const tokenSha256 = hashFeedToken(token);
  await withUser(ctx, (tx) =>
    tx
      .insert(calendarFeeds)
      .values({ userId: ctx.userId, tokenSha256 })
      .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenSha256, createdAt: new Date() } }),
  );
  return { url: `${input.origin}/api/v1/feeds/${token}.ics` };
}

/** Turns the feed off: the current URL answers 404 from now on. */
export async function revokeFeed(ctx: Ctx): Promise<{ active: false }> {
  await withUser(ctx, (tx) => tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, ctx.userId)));
  return { active: false };
}

export async function getFeedStatus(ctx: Ctx): Promise<{ active: boolean; createdAt: string | null }> {
  return withUser(ctx, async (tx) => {
    const [row] = await tx
      .select({ createdAt: calendarFeeds.createdAt })
      .from(calendarFeeds)
      .where(eq(calendarFeeds.userId, ctx.userId));
    return { active: Boolean(row), createdAt: row?.createdAt.toISOString() ?? null };
  });
}
