import { openCalendar, type CalendarSession } from "../google/calendar/calendar-session";
import { calendarListEvents } from "../google/calendar/list-calendar-events";
import type { CalendarEvent } from "../google/client";
import { GoogleError } from "../google/errors";
import { updateIntegration } from "../google/token-store";
import { withUser } from "../db/with-user";
import { enqueueInsightsForBatch } from "../ai/jobs/enqueue-ai-jobs";
import { loadBatch, setBatch } from "./batch-progress";
import { importChunk } from "./import-google-chunk";
import { eventExclusion, normalizeEvent } from "./normalize-event";
import { linkParticipants } from "./resolve-contacts";
import { checkAborted, handleSyncFailure, type SyncCtx } from "./sync-context";
import { getSyncPrefs } from "./sync-prefs";

const DAY = 86_400_000;

/**
 * The google_calendar_sync job: the primary calendar within ±window days, singleEvents,
 * paged, each page one chunk with its checkpoint; the final nextSyncToken is the cursor.
 * Incremental runs use the syncToken (cancelled events then remove their interaction);
 * 410 Gone means the token expired → full resync. Returns the session it ran on (null when
 * there was nothing to do), so the job registers push without reading the tokens again.
 */
export async function syncCalendar(
  ctx: SyncCtx,
  input: { batchId: string | null; incremental: boolean },
): Promise<CalendarSession | null> {
  const batch = input.batchId ? await loadBatch(ctx, input.batchId) : null;
  if (batch?.status === "undone") return null;
  try {
    const api = await openCalendar(ctx);
    const tokens = api.tokens;
    const counts = (batch?.counts ?? {}) as Record<string, unknown>;
    if (input.incremental && tokens?.cursor) {
      try {
        await run(ctx, api, input.batchId, { syncToken: tokens.cursor }, tokens.accountEmail);
        return api;
      } catch (e) {
        if (!(e instanceof GoogleError && e.kind === "cursor_invalid")) throw e;
        ctx.log.warn("calendar sync token expired; running a full resync");
      }
    }
    const resume = typeof counts.pageToken === "string" ? counts.pageToken : undefined;
    await run(ctx, api, input.batchId, { pageToken: resume }, tokens?.accountEmail ?? null);
    return api;
  } catch (e) {
    return handleSyncFailure(ctx, "calendar", input.batchId, e);
  }
}

async function run(
  ctx: SyncCtx,
  api: CalendarSession,
  batchId: string | null,
  start: { syncToken?: string; pageToken?: string },
  accountEmail: string | null,
): Promise<void> {
  const prefs = await getSyncPrefs(ctx);
  const own = new Set(accountEmail ? [accountEmail] : []);
  const eventPrefs = {
    includeOrganizerSelf: prefs.calendarIncludeOrganizerSelf,
    includePrivate: prefs.calendarIncludePrivate,
  };
  const now = Date.now();
  const window = {
    timeMin: new Date(now - prefs.calendarTimeWindowDays * DAY).toISOString(),
    timeMax: new Date(now + prefs.calendarTimeWindowDays * DAY).toISOString(),
  };
  let pageToken = start.pageToken;
  let done = 0;
  let nextSyncToken: string | undefined;
  for (;;) {
    checkAborted(ctx);
    if (batchId && (await loadBatch(ctx, batchId))?.status === "undone") return;
    const page = await calendarListEvents(
      api,
      start.syncToken ? { syncToken: start.syncToken, pageToken } : { ...window, pageToken },
    );
    const keep: CalendarEvent[] = [];
    const removals: string[] = [];
    for (const ev of page.items) {
      if (!ev.id) continue;
      // Excluded events also remove a row an earlier import made (a cancelled event, one now
      // filtered, or a booking's own event imported before bookings marked theirs).
      if (eventExclusion(ev, eventPrefs)) removals.push(ev.id);
      else keep.push(ev);
    }
    const items = keep.map((ev) => normalizeEvent(ev, own));
    await importChunk(ctx, {
      provider: "calendar",
      batchId,
      policy: prefs.contactCreationPolicy,
      items,
      raws: keep.map((ev, i) => ({
        sourceId: ev.id!,
        occurredAt: items[i]!.interaction.occurredAt,
        payload: ev,
      })),
      processed: page.items.length,
      removals,
      checkpoint: start.syncToken ? undefined : { pageToken: page.nextPageToken ?? null },
    });
    done += page.items.length;
    await ctx.reportProgress?.(done);
    nextSyncToken = page.nextSyncToken ?? nextSyncToken;
    if (!page.nextPageToken) break;
    pageToken = page.nextPageToken;
  }
  if (batchId) {
    await withUser(ctx, (tx) => linkParticipants(tx, ctx.userId, { batchId }));
    await enqueueInsightsForBatch(ctx, batchId);
    await setBatch(ctx, batchId, { status: "done", set: { pageToken: null } });
  }
  await updateIntegration(ctx, "calendar", {
    ...(nextSyncToken ? { cursor: nextSyncToken } : {}),
    lastSyncAt: new Date(),
    lastError: null,
  });
}
