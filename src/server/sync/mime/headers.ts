import { decodeHeaderValue } from "./encoded-words";
import { decodeCharset } from "./charset";

export type Headers = Map<string, string[]>;

/** Parses a header block (binary string) into lower-cased names → raw values, unfolded. */
export function parseHeaderBlock(block: string): Headers {
  const h: Headers = new Map();
  const lines = block.split(/\r?\n/);
  let name = "";
  let value = "";
  const push = () => {
    if (!name) return;
    const list = h.get(name);
    if (list) list.push(value);
    else h.set(name, [value]);
  };
  for (const line of lines) {
    if ((line.startsWith(" ") || line.startsWith("\t")) && name) {
      value += " " + line.trim();
      continue;
    }
    push();
    const i = line.indexOf(":");
    if (i <= 0) {
      name = "";
      continue;
    }
    name = line.slice(0, i).trim().toLowerCase();
    value = line.slice(i + 1).trim();
  }
  push();
  return h;
}

export function header(h: Headers, name: string): string | undefined {
  return h.get(name)?.[0];
}

/** `text/plain; charset="x"; name*=UTF-8''%C3%9C…` → value + params (RFC 2231 aware). */
export function parseParams(raw: string | undefined): { value: string; params: Record<string, string> } {
  if (!raw) return { value: "", params: {} };
  const parts = splitParams(raw);
  const value = (parts.shift() ?? "").trim().toLowerCase();
  const params: Record<string, string> = {};
  const continued: Record<string, { i: number; v: string; enc: boolean }[]> = {};
  for (const p of parts) {
    const eq = p.indexOf("=");
    if (eq < 0) continue;
    const key = p.slice(0, eq).trim().toLowerCase();
    let val = p.slice(eq + 1).trim();
    if (val.startsWith('"') && val.endsWith('"')) val = val.slice(1, -1).replace(/\\(.)/g, "$1");
    const m = /^([^*]+)(?:\*(\d+))?(\*)?$/.exec(key);
    if (!m) continue;
    if (m[2] === undefined && !m[3]) params[m[1]!] = decodeHeaderValue(val);
    else (continued[m[1]!] ??= []).push({ i: Number(m[2] ?? 0), v: val, enc: !!m[3] });
  }
  for (const [key, segs] of Object.entries(continued)) {
    segs.sort((a, b) => a.i - b.i);
    let charset = "utf-8";
    const bytes: number[] = [];
    segs.forEach((s, idx) => {
      let v = s.v;
      if (s.enc && idx === 0) {
        const q = /^([^']*)'[^']*'(.*)$/.exec(v);
        if (q) {
          charset = q[1] || "utf-8";
          v = q[2]!;
        }
      }
      if (s.enc)
        v.replace(/%([0-9A-Fa-f]{2})|[\s\S]/g, (all, hex: string | undefined) => {
          bytes.push(hex ? parseInt(hex, 16) : all.charCodeAt(0) & 0xff);
          return "";
        });
      else for (const ch of Buffer.from(v, "utf8")) bytes.push(ch);
    });
    params[key] = decodeCharset(Uint8Array.from(bytes), charset);
  }
  return { value, params };
}

function splitParams(raw: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '"' && raw[i - 1] !== "\\") quoted = !quoted;
    if (c === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out.filter((s, i) => i === 0 || s.trim());
}
