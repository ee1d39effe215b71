import { addressParser, decodeWords, type Address as PmAddress } from "postal-mime";
import { fixCp1252 } from "./cp1252";

export type Address = { name: string | null; email: string };

/**
 * postal-mime addresses → ours: groups flattened, emails lower-cased (matching is
 * case-insensitive), a name equal to the address dropped, entries without an @ skipped.
 */
export function mailboxes(list: PmAddress[] | undefined): Address[] {
  const out: Address[] = [];
  for (const a of list ?? []) {
    for (const m of a.group ?? [a]) {
      const email = (m.address ?? "")
        .trim()
        .replace(/^mailto:/i, "")
        .toLowerCase();
      if (!email.includes("@")) continue;
      const name = fixCp1252(m.name).trim();
      out.push({ email, name: name && name.toLowerCase() !== email ? name : null });
    }
  }
  return out;
}

/** Parses an address-list header value (`"Doe, Jane" <j@x.org>, =?UTF-8?B?…?= <b@y.com>`). */
export function parseAddressList(raw: string | undefined): Address[] {
  if (!raw) return [];
  return mailboxes(addressParser(raw));
}

/** Decodes RFC 2047 encoded words in a header value. */
export const decodeHeaderValue = (raw: string): string => decodeWords(raw);
