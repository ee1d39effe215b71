import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { bookingSettings } from "../db/schema/booking";
import { withUser } from "../db/with-user";
import { hasCalendarWriteScope } from "../google/scopes";
import { loadTokens } from "../google/token-store";
import { getUserTimeZone } from "../profile/get-user-time-zone";
import type { Availability } from "./schemas";

export type SettingsRow = typeof bookingSettings.$inferSelect;

/** Defaults for a practitioner who never saved booking settings (page off, weekdays 9–17). */
export function defaultSettings(userId: string): SettingsRow {
  const day = [{ start: "09:00", end: "17:00" }];
  return {
    userId,
    handle: null,
    enabled: false,
    displayName: null,
    timeZone: null,
    weeklyHours: { mon: day, tue: day, wed: day, thu: day, fri: day },
    overrides: [],
    minNoticeMinutes: 240,
    maxDaysAhead: 60,
    slotStepMinutes: 30,
    dailyCap: null,
    cancelWindowMinutes: 1440,
    reminderMinutes: [1440, 120],
    busyCalendarIds: ["primary"],
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
}

export async function loadSettings(ctx: Ctx): Promise<SettingsRow> {
  return withUser(ctx, async (tx) => {
    const [row] = await tx.select().from(bookingSettings).where(eq(bookingSettings.userId, ctx.userId));
    return row ?? defaultSettings(ctx.userId);
  });
}

/** The zone slots are computed in: the booking settings' own, else the profile's. */
export async function bookingTimeZone(ctx: Ctx, s: SettingsRow): Promise<string> {
  return s.timeZone ?? (await getUserTimeZone(ctx));
}

export async function getAvailability(ctx: Ctx): Promise<Availability> {
  const s = await loadSettings(ctx);
  const tokens = await loadTokens(ctx, "calendar");
  return {
    handle: s.handle,
    enabled: s.enabled,
    displayName: s.displayName,
    timeZone: await bookingTimeZone(ctx, s),
    ownTimeZone: s.timeZone,
    weeklyHours: s.weeklyHours,
    overrides: s.overrides,
    minNoticeMinutes: s.minNoticeMinutes,
    maxDaysAhead: s.maxDaysAhead,
    slotStepMinutes: s.slotStepMinutes,
    dailyCap: s.dailyCap,
    cancelWindowMinutes: s.cancelWindowMinutes,
    reminderMinutes: s.reminderMinutes,
    busyCalendarIds: s.busyCalendarIds,
    calendarWriteGranted: hasCalendarWriteScope(tokens?.grantedScopes ?? []),
  };
}
