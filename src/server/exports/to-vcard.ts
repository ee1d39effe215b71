import type { loadExtras, ContactRow } from "../contacts/contact-dto";

type Extras = Awaited<ReturnType<typeof loadExtras>> extends Map<string, infer E> ? E : never;

const esc = (v: string) =>
  v
    .replace(/\\/g, "\\\\")
    .replace(/\n/g, "\\n")
    .replace(/([,;])/g, "\\$1");

/** Folds lines longer than 75 octets as RFC 6350 requires (continuation starts with a space). */
function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let cur = "";
  for (const ch of line) {
    if (Buffer.byteLength(cur + ch) > (parts.length ? 74 : 75)) {
      parts.push(cur);
      cur = "";
    }
    cur += ch;
  }
  parts.push(cur);
  return parts.join("\r\n ");
}

/** One contact as a vCard 3.0 (the version Google, Apple and Outlook all import). */
export function toVcard(c: ContactRow, x: Extras | undefined): string {
  const lines = ["BEGIN:VCARD", "VERSION:3.0", `FN:${esc(c.displayName)}`];
  const parts = c.displayName.trim().split(/\s+/);
  const family = parts.length > 1 ? parts.pop()! : "";
  lines.push(`N:${esc(family)};${esc(parts.join(" "))};;;`);
  for (const i of x?.identities ?? []) {
    const pref = i.isPrimary ? ",pref" : "";
    if (i.kind === "email") lines.push(`EMAIL;TYPE=INTERNET${pref}:${esc(i.value)}`);
    else lines.push(`TEL;TYPE=VOICE${pref}:${esc(i.value)}`);
  }
  if (c.birthday) lines.push(`BDAY:${c.birthday}`);
  if (c.address) lines.push(`ADR:;;${esc(c.address)};;;;`);
  if (x?.tags.length) lines.push(`CATEGORIES:${x.tags.map((t) => esc(t.name)).join(",")}`);
  lines.push(`REV:${c.updatedAt.toISOString()}`, `UID:urn:uuid:${c.id}`, "END:VCARD");
  return lines.map(fold).join("\r\n") + "\r\n";
}
