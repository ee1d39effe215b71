import { gmailGetLabel } from "../google/gmail/gmail-reads";
import type { GmailSession } from "../google/gmail/gmail-session";

/** labels.get calls per preview (1 quota unit each). */
export const MAX_PREVIEW_LABELS = 20;

export type LabelCount = { id: string; name: string; messagesTotal: number };

/**
 * Exact per-label totals for the preview, from Gmail's `labels.get` (`messagesTotal`: every
 * message carrying the label in the whole mailbox, before the query and exclusions). Which
 * labels: the user's include labels first, then those seen in the sampled messages by how
 * often they appear; never an excluded label. A label deleted meanwhile is left out.
 */
export async function previewLabelCounts(
  gmail: GmailSession,
  o: { includes: string[]; excludes: string[]; sampled: string[][] },
): Promise<LabelCount[]> {
  const seen = new Map<string, number>();
  for (const labels of o.sampled) for (const l of labels) seen.set(l, (seen.get(l) ?? 0) + 1);
  const bySample = [...seen].sort((a, b) => b[1] - a[1]).map(([l]) => l);
  const ids = [...new Set([...o.includes, ...bySample])]
    .filter((l) => !o.excludes.includes(l))
    .slice(0, MAX_PREVIEW_LABELS);
  const counts = await Promise.all(ids.map((id) => gmailGetLabel(gmail, id)));
  return counts.filter((c): c is LabelCount => c !== null).sort((a, b) => b.messagesTotal - a.messagesTotal);
}
