import { decodeHeaderValue } from "./encoded-words";

export type Address = { name: string | null; email: string };

/**
 * Parses an address-list header (`"Doe, Jane" <j@x.org>, bob@y.com (Bob), team: a@b.c;`).
 * Emails are lower-cased (matching is case-insensitive); names are RFC 2047-decoded.
 */
export function parseAddressList(raw: string | undefined): Address[] {
  if (!raw) return [];
  const out: Address[] = [];
  for (const part of splitTopLevel(raw)) {
    const a = parseOne(part);
    if (a) out.push(a);
  }
  return out;
}

function parseOne(raw: string): Address | null {
  let s = raw.trim();
  // Group syntax: "name: a@b, c@d;" was split already; drop a leading "group:" label.
  const group = /^[^"<@]*:\s*/.exec(s);
  if (group) s = s.slice(group[0].length);
  s = s.replace(/;\s*$/, "").trim();
  if (!s) return null;
  const angle = /<([^<>]*)>/.exec(s);
  let email: string;
  let name: string | null;
  if (angle) {
    email = angle[1]!.trim();
    name = s.slice(0, angle.index).trim() || null;
  } else {
    const comment = /\(([^)]*)\)/.exec(s);
    email = s.replace(/\([^)]*\)/g, "").trim();
    name = comment?.[1]?.trim() || null;
  }
  email = email.replace(/^mailto:/i, "").toLowerCase();
  if (!email.includes("@")) return null;
  if (name) {
    if (name.startsWith('"') && name.endsWith('"')) name = name.slice(1, -1).replace(/\\(.)/g, "$1");
    name = decodeHeaderValue(name).trim() || null;
    if (name && name.toLowerCase() === email) name = null;
  }
  return { name, email };
}

function splitTopLevel(raw: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  let angle = 0;
  let paren = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '"' && raw[i - 1] !== "\\") quoted = !quoted;
    else if (!quoted) {
      if (c === "<") angle++;
      else if (c === ">") angle = Math.max(0, angle - 1);
      else if (c === "(") paren++;
      else if (c === ")") paren = Math.max(0, paren - 1);
      else if ((c === "," || c === ";") && angle === 0 && paren === 0) {
        out.push(cur);
        cur = "";
        continue;
      }
    }
    cur += c;
  }
  out.push(cur);
  return out;
}
