import type { Ctx } from "../context";
import { findContactsByEmails } from "../contacts/find-contacts-by-emails";
import { syncAudit } from "../db/schema/sync";
import { withUser } from "../db/with-user";
import { openCalendar } from "../google/calendar/calendar-session";
import { calendarListEvents } from "../google/calendar/list-calendar-events";
import { requireServiceEnabled } from "../google/scopes";
import { eventExclusion, normalizeEvent } from "./normalize-event";
import { previewGoogleError } from "./preview-errors";
import { selectCandidates } from "./resolve-contacts";
import { getSyncPrefs } from "./sync-prefs";

const DAY = 86_400_000;
const MAX_PAGES = 10;

/** Counts the events an import would bring (window + prefs) and who would become a contact. */
export async function previewCalendar(ctx: Ctx) {
  requireServiceEnabled("calendar");
  const prefs = await getSyncPrefs(ctx);
  try {
    const calendar = await openCalendar(ctx);
    const own = new Set([calendar.tokens.accountEmail ?? ""].filter(Boolean));
    const now = Date.now();
    const win = prefs.calendarTimeWindowDays * DAY;
    const eventPrefs = {
      includeOrganizerSelf: prefs.calendarIncludeOrganizerSelf,
      includePrivate: prefs.calendarIncludePrivate,
    };
    let count = 0;
    const titles: string[] = [];
    const candidates = [];
    let pageToken: string | undefined;
    for (let i = 0; i < MAX_PAGES; i++) {
      const page = await calendarListEvents(calendar, {
        timeMin: new Date(now - win).toISOString(),
        timeMax: new Date(now + win).toISOString(),
        pageToken,
      });
      for (const ev of page.items) {
        if (eventExclusion(ev, eventPrefs)) continue;
        count++;
        if (titles.length < 10 && ev.summary) titles.push(ev.summary);
        candidates.push(...normalizeEvent(ev, own).candidates);
      }
      if (!page.nextPageToken) break;
      pageToken = page.nextPageToken;
    }
    const wanted = selectCandidates(candidates, prefs.contactCreationPolicy);
    const known = await withUser(ctx, (tx) => findContactsByEmails(tx, ctx.userId, [...wanted.keys()]));
    const newContacts = [...wanted].filter(([e]) => !known.has(e)).map(([email, name]) => ({ email, name }));
    await withUser(ctx, (tx) =>
      tx.insert(syncAudit).values({
        userId: ctx.userId,
        provider: "calendar",
        action: "preview",
        payload: { count, newContacts: newContacts.length },
      }),
    );
    return { count, sampleTitles: titles, newContacts: newContacts.slice(0, 50) };
  } catch (e) {
    return previewGoogleError(ctx, "calendar", e);
  }
}
