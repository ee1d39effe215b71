import type { GmailMessageMeta } from "../google/gmail/gmail-reads";
import { isAutomatedAddress, isBulkMail } from "./classify-sender";
import { decodeHeaderValue, parseAddressList } from "./mime/addresses";
import type { ContactCandidate } from "./normalize-email";

/** Contact candidates from metadata-format messages (preview), by the same rules as import. */
export function previewEmailCandidates(
  metas: GmailMessageMeta[],
  own: ReadonlySet<string>,
): ContactCandidate[] {
  const out: ContactCandidate[] = [];
  for (const m of metas) {
    const headers = new Map<string, string[]>();
    for (const h of m.payload?.headers ?? []) {
      const k = (h.name ?? "").toLowerCase();
      headers.set(k, [...(headers.get(k) ?? []), decodeHeaderValue(h.value ?? "")]);
    }
    if (isBulkMail(headers)) continue;
    const from = parseAddressList(headers.get("from")?.[0])[0];
    const outbound = (from && own.has(from.email)) || (m.labelIds ?? []).includes("SENT");
    const people = outbound
      ? [
          ...parseAddressList(headers.get("to")?.join(", ")),
          ...parseAddressList(headers.get("cc")?.join(", ")),
        ]
      : from
        ? [from]
        : [];
    for (const a of people) {
      if (own.has(a.email) || isAutomatedAddress(a.email)) continue;
      out.push({ email: a.email, name: a.name, engaged: !!outbound });
    }
  }
  return out;
}
