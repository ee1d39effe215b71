// Structured header parameters: `type/sub; a=b; c="d"`, plus RFC 2231
// extended values (`filename*=utf-8''%C3%9C…`) and continuations (`name*0=…`).
import { decodeText } from "./charsets";

export type ParamHeader = { value: string; params: Record<string, string> };

/** Parses `type/sub; a=b; c="d"` including RFC 2231 `name*=utf-8''…` and continuations. */
export function parseParamHeader(input: string): ParamHeader {
  const tokens: string[] = [];
  let buf = "";
  let quoted = false;
  for (const ch of input) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      tokens.push(buf);
      buf = "";
    } else buf += ch;
  }
  tokens.push(buf);
  const value = (tokens.shift() ?? "").trim().toLowerCase();
  const params: Record<string, string> = {};
  const extended = new Map<string, Array<{ idx: number; text: string; encoded: boolean }>>();
  for (const token of tokens) {
    const eq = token.indexOf("=");
    if (eq < 0) continue;
    const key = token.slice(0, eq).trim().toLowerCase();
    const val = token
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/s, "$1")
      .replace(/\\(.)/g, "$1");
    const m = /^([^*]+)\*(?:(\d+)\*?|)$/.exec(key);
    if (!m?.[1]) {
      params[key] = val;
      continue;
    }
    const list = extended.get(m[1]) ?? [];
    list.push({ idx: Number(m[2] ?? 0), text: val, encoded: key.endsWith("*") });
    extended.set(m[1], list);
  }
  for (const [key, pieces] of extended) params[key] = decodeRfc2231(pieces.sort((a, b) => a.idx - b.idx));
  return { value, params };
}

function decodeRfc2231(pieces: Array<{ text: string; encoded: boolean }>): string {
  const first = pieces[0];
  if (!first?.encoded) return pieces.map((p) => p.text).join("");
  const [charset = "utf-8", , firstText = ""] = first.text.split("'");
  const bytes: number[] = [];
  const texts = [firstText, ...pieces.slice(1).map((p) => p.text)];
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) {
      if (t[i] === "%" && /^[0-9A-Fa-f]{2}$/.test(t.slice(i + 1, i + 3))) {
        bytes.push(parseInt(t.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(t.charCodeAt(i) & 0xff);
    }
  }
  return decodeText(Uint8Array.from(bytes), charset);
}
