import { Tokenizer } from "htmlparser2";

/** HTML longer than this is cut before conversion: the stored body is capped far below it. */
export const MAX_HTML_CHARS = 1024 * 1024;

const SKIP = new Set(["head", "style", "script", "title", "noscript", "template", "svg"]);
const BLOCK = new Set([
  "p", "div", "li", "tr", "table", "blockquote", "section", "article", "header", "footer",
  "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "pre", "hr", "dd", "dt",
]); // prettier-ignore

const noop = () => {};

/**
 * HTML → readable plain text for storage and search: drops head/style/script, turns block
 * elements into line breaks, decodes entities. Built on htmlparser2's Tokenizer (maintained,
 * linear, no DOM or open-element stack) instead of our old regex pass, whose comment and
 * <style> stripping went quadratic on `<!--` × 250,000. Measured and rejected: html-to-text
 * (55 s on 200,000 nested <div>s) and htmlparser2's Parser (its element stack is an array it
 * unshifts into: 4 s on 50,000 nested <div>s).
 */
export function htmlToText(input: string, maxChars = MAX_HTML_CHARS): string {
  const html = input.length > MAX_HTML_CHARS ? input.slice(0, MAX_HTML_CHARS) : input;
  const out: string[] = [];
  let size = 0;
  let skipping = 0;
  const push = (s: string) => {
    if (size >= maxChars || skipping) return;
    out.push(s);
    size += s.length;
  };
  const tag = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        const name = tag(start, end);
        if (SKIP.has(name)) skipping++;
        else if (name === "br") push("\n");
        else if (name === "li") push("\n• ");
        else if (BLOCK.has(name)) push("\n");
      },
      onclosetag(start, end) {
        const name = tag(start, end);
        if (SKIP.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK.has(name)) push("\n");
        else if (name === "td" || name === "th") push(" ");
      },
      ontext: (start, end) => push(html.slice(start, end)),
      ontextentity: (cp) => push(String.fromCodePoint(cp)),
      onattribdata: noop,
      onattribentity: noop,
      onattribend: noop,
      onattribname: noop,
      oncdata: noop,
      oncomment: noop,
      ondeclaration: noop,
      onend: noop,
      onopentagend: noop,
      onprocessinginstruction: noop,
      onselfclosingtag: noop,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return tidyWhitespace(out.join("")).slice(0, maxChars);
}

/**
 * HTML whitespace rules in one pass: runs of spaces (source newlines included) become one
 * space, spaces around a line break go, at most one blank line in a row.
 */
export function tidyWhitespace(s: string): string {
  const out: string[] = [];
  let spaces = false;
  let breaks = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 10) breaks++;
    else if (isSpace(c)) spaces = true;
    else {
      if (out.length) out.push(breaks > 1 ? "\n\n" : breaks ? "\n" : spaces ? " " : "");
      const from = i;
      while (i < s.length && s.charCodeAt(i) !== 10 && !isSpace(s.charCodeAt(i))) i++;
      out.push(s.slice(from, i));
      breaks = 0;
      spaces = false;
      continue;
    }
    i++;
  }
  return out.join("");
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 12 || c === 0xa0;
