import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { userSyncPrefs } from "../db/schema/sync";
import { withUser } from "../db/with-user";
import type { SyncPrefs, SyncPrefsPatch } from "./schemas";

type Row = typeof userSyncPrefs.$inferSelect;

function toDto(r: Row): SyncPrefs {
  return {
    gmailQuery: r.gmailQuery,
    gmailLabelIncludes: r.gmailLabelIncludes,
    gmailLabelExcludes: r.gmailLabelExcludes,
    calendarIncludeOrganizerSelf: r.calendarIncludeOrganizerSelf === "true",
    calendarIncludePrivate: r.calendarIncludePrivate === "true",
    calendarTimeWindowDays: r.calendarTimeWindowDays,
    contactCreationPolicy: r.contactCreationPolicy,
    driveIngestionMode: r.driveIngestionMode as SyncPrefs["driveIngestionMode"],
    driveFolderIds: r.driveFolderIds,
  };
}

/** The user's sync preferences; the row is created with defaults on first read. */
export async function getSyncPrefs(ctx: Ctx): Promise<SyncPrefs> {
  return withUser(ctx, async (tx) => {
    await tx.insert(userSyncPrefs).values({ userId: ctx.userId }).onConflictDoNothing();
    const [r] = await tx.select().from(userSyncPrefs).where(eq(userSyncPrefs.userId, ctx.userId));
    return toDto(r!);
  });
}

/** Partial update: only the fields present change. */
export async function updateSyncPrefs(ctx: Ctx, patch: SyncPrefsPatch): Promise<SyncPrefs> {
  const set: Partial<typeof userSyncPrefs.$inferInsert> = { updatedAt: new Date() };
  if (patch.gmailQuery !== undefined) set.gmailQuery = patch.gmailQuery;
  if (patch.gmailLabelIncludes !== undefined) set.gmailLabelIncludes = patch.gmailLabelIncludes;
  if (patch.gmailLabelExcludes !== undefined) set.gmailLabelExcludes = patch.gmailLabelExcludes;
  if (patch.calendarIncludeOrganizerSelf !== undefined)
    set.calendarIncludeOrganizerSelf = String(patch.calendarIncludeOrganizerSelf);
  if (patch.calendarIncludePrivate !== undefined)
    set.calendarIncludePrivate = String(patch.calendarIncludePrivate);
  if (patch.calendarTimeWindowDays !== undefined) set.calendarTimeWindowDays = patch.calendarTimeWindowDays;
  if (patch.contactCreationPolicy !== undefined) set.contactCreationPolicy = patch.contactCreationPolicy;
  if (patch.driveIngestionMode !== undefined) set.driveIngestionMode = patch.driveIngestionMode;
  if (patch.driveFolderIds !== undefined) set.driveFolderIds = patch.driveFolderIds;
  await withUser(ctx, async (tx) => {
    await tx.insert(userSyncPrefs).values({ userId: ctx.userId }).onConflictDoNothing();
    await tx.update(userSyncPrefs).set(set).where(eq(userSyncPrefs.userId, ctx.userId));
  });
  return getSyncPrefs(ctx);
}
