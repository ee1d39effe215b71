import { and, eq, inArray } from "drizzle-orm";
import { rawEvents } from "../db/schema/interactions";
import { withUser } from "../db/with-user";
import type { CalendarEvent, GmailRawMessage } from "../google/client";
import { loadTokens } from "../google/token-store";
import { importChunk } from "./import-google-chunk";
import { normalizeEmail, type NormalizedItem } from "./normalize-email";
import { bookingIdOfEvent, normalizeEvent } from "./normalize-event";
import type { SyncCtx } from "./sync-context";
import { getSyncPrefs } from "./sync-prefs";

/**
 * normalize_google_email / normalize_google_event jobs: rebuild interactions from stored
 * raw events (after a parser fix, or for rows a crashed run stored but did not finish).
 * The sync jobs normally normalize inline; this path re-uses the same chunk importer.
 */
export async function renormalizeRawEvents(
  ctx: SyncCtx,
  input: { provider: "gmail" | "calendar"; rawEventIds: string[] },
): Promise<void> {
  const rows = await withUser(ctx, (tx) =>
    tx
      .select()
      .from(rawEvents)
      .where(
        and(
          eq(rawEvents.userId, ctx.userId),
          eq(rawEvents.provider, input.provider),
          inArray(rawEvents.id, input.rawEventIds),
        ),
      ),
  );
  if (!rows.length) return;
  const tokens = await loadTokens(ctx, input.provider);
  const own = new Set(tokens?.accountEmail ? [tokens.accountEmail] : []);
  const prefs = await getSyncPrefs(ctx);
  // One chunk per batch, so re-created rows keep the batch they came from (undo stays exact).
  const byBatch = new Map<string | null, { items: NormalizedItem[] }>();
  for (const r of rows) {
    // Oversized messages kept metadata only; their interaction stays as first imported.
    if ((r.payload as { rawOmitted?: boolean }).rawOmitted) continue;
    // A booking's own event (stored before imports skipped it) is the booking's session already.
    if (input.provider === "calendar" && bookingIdOfEvent(r.payload as CalendarEvent)) continue;
    const item =
      input.provider === "gmail"
        ? await normalizeEmail(r.payload as GmailRawMessage, own, { signal: ctx.signal })
        : normalizeEvent(r.payload as CalendarEvent, own);
    const g = byBatch.get(r.batchId) ?? { items: [] };
    g.items.push(item);
    byBatch.set(r.batchId, g);
  }
  for (const [batchId, g] of byBatch) {
    await importChunk(ctx, {
      provider: input.provider,
      batchId,
      policy: prefs.contactCreationPolicy,
      items: g.items,
      raws: [],
      processed: 0,
    });
  }
}
