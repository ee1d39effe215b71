import type { Ctx } from "../../context";
import { CalendarApi } from "../client";
import { openGoogleSession, type GoogleSession } from "../google-session";
import type { StoredTokens } from "../token-store";

/** An open Calendar connection: what the Calendar driver's sync and push methods take. */
export type CalendarSession = GoogleSession & { calendar: CalendarApi };

export async function openCalendar(ctx: Ctx, tokens?: StoredTokens | null): Promise<CalendarSession> {
  const s = await openGoogleSession(ctx, "calendar", tokens);
  return { ...s, calendar: new CalendarApi(s.auth) };
}
