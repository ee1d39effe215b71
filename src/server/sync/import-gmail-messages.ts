import type { GmailRawMessage } from "../google/client";
import { fetchMessages, passesLabels } from "../google/gmail/fetch-messages";
import { recordOwnAddresses } from "../profile/record-own-addresses";
import type { GmailRun } from "./gmail-run";
import { importChunk } from "./import-google-chunk";
import { normalizeEmails } from "./normalize-email";
import type { SyncCtx } from "./sync-context";

/** Fetch → parse → normalize → import one page; the checkpoint commits with its rows. */
export async function importGmailMessages(
  ctx: SyncCtx,
  run: GmailRun,
  ids: string[],
  checkpoint: Record<string, string | number | null>,
): Promise<void> {
  const t0 = performance.now();
  const msgs = await fetchMessages(run.gmail, ids, { signal: ctx.signal });
  const t1 = performance.now();
  const kept = msgs.filter((m) =>
    passesLabels(m.labelIds, run.prefs.gmailLabelIncludes, run.prefs.gmailLabelExcludes),
  );
  let items = await normalizeEmails(kept, run.own, { signal: ctx.signal });
  // Every From of the user's SENT mail is the user: learn new ones before any contact is made
  // (rare after the first pages, so the page is simply normalized again with them).
  const fresh = new Set<string>();
  for (const it of items) {
    const from = it.interaction.metadata.from;
    const labels = it.interaction.metadata.labelIds;
    if (typeof from === "string" && Array.isArray(labels) && labels.includes("SENT") && !run.own.has(from))
      fresh.add(from);
  }
  if (fresh.size) {
    for (const e of fresh) run.own.add(e);
    await recordOwnAddresses(
      ctx,
      [...fresh].map((email) => ({ email, source: "sent_from" as const })),
    );
    items = await normalizeEmails(kept, run.own, { signal: ctx.signal });
  }
  const t2 = performance.now();
  await importChunk(ctx, {
    provider: "gmail",
    batchId: run.batchId,
    policy: run.prefs.contactCreationPolicy,
    items,
    raws: kept.map((m, i) => ({
      sourceId: m.id,
      occurredAt: items[i]!.interaction.occurredAt,
      payload: rawPayload(m),
    })),
    processed: ids.length,
    checkpoint,
  });
  ctx.log.debug(
    {
      n: ids.length,
      fetchMs: Math.round(t1 - t0),
      parseMs: Math.round(t2 - t1),
      importMs: Math.round(performance.now() - t2),
    },
    "gmail page imported",
  );
}

const RAW_KEEP_BYTES = 128 * 1024;

/** Large messages (attachments) keep their metadata only; the text already lives in the interaction. */
function rawPayload(
  m: GmailRawMessage,
): GmailRawMessage | (Omit<GmailRawMessage, "raw"> & { rawOmitted: true }) {
  if (m.raw.length <= RAW_KEEP_BYTES) return m;
  const { raw: _raw, ...rest } = m;
  return { ...rest, rawOmitted: true };
}
