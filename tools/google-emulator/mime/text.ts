// Readable text from a parsed message: used for Gmail's `snippet`.
import { decodeText } from "./charsets";
import type { MimePart } from "./parse";

export type BodyText = { text?: string; html?: string };

/** First inline text/plain and text/html bodies, decoded from their charsets. */
export function extractBodies(root: MimePart): BodyText {
  const out: BodyText = {};
  const visit = (part: MimePart) => {
    if (part.parts.length > 0) return part.parts.forEach(visit);
    if (part.isAttachment) return;
    if (part.mimeType === "text/plain" && out.text === undefined)
      out.text = decodeText(part.body, part.params.charset);
    if (part.mimeType === "text/html" && out.html === undefined)
      out.html = decodeText(part.body, part.params.charset);
  };
  visit(root);
  return out;
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  euro: "€",
  hellip: "…",
};

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/tr>|<\/h\d>/gi, "\n")
    .replace(/<[^<>]+>/g, " ")
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, ent: string) => {
      if (ent.startsWith("#x") || ent.startsWith("#X"))
        return String.fromCodePoint(parseInt(ent.slice(2), 16));
      if (ent.startsWith("#")) return String.fromCodePoint(parseInt(ent.slice(1), 10));
      return ENTITIES[ent.toLowerCase()] ?? m;
    });
}

/** Gmail-like snippet: whitespace collapsed, ~200 chars, HTML-escaped as Gmail does. */
export function makeSnippet(root: MimePart): string {
  const { text, html } = extractBodies(root);
  const plain = text ?? (html ? htmlToText(html) : "");
  const collapsed = plain.replace(/\s+/g, " ").trim();
  const cut = Array.from(collapsed).slice(0, 200).join("");
  return cut.replace(
    /[&<>"']/g,
    (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#39" }[c]};`,
  );
}
