/**
 * RFC 4180 CSV parser: quoted fields, "" escapes, newlines inside quotes, CRLF/LF/CR line
 * ends, a UTF-8 BOM, and `;` or tab delimited exports (detected from the header line).
 * Each record carries the 1-based line number it starts on, for error messages.
 */
export type CsvRecord = { line: number; fields: string[] };

export function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r|\n/) >>> 0 || text.length);
  const count = (d: string) => header.split(d).length - 1;
  const [best] = [",", ";", "\t"].sort((a, b) => count(b) - count(a));
  return count(best!) > 0 ? best! : ",";
}

export function parseCsv(
  input: string,
  delimiter = detectDelimiter(input.replace(/^\uFEFF/, "")),
): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  // Fields are sliced out of the input, never built a character at a time: one pass, and a
  // 5 MB upload is a few copies of itself at most.
  while (i <= n) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      const pieces: string[] = [];
      let from = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        const stop = q < 0 ? n : q;
        line += countLineBreaks(text, i, stop);
        if (q < 0) {
          pieces.push(text.slice(from, n));
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          pieces.push(text.slice(from, q + 1));
          i = from = q + 2;
          continue;
        }
        pieces.push(text.slice(from, q));
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the delimiter is kept, as a lenient reader would.
      const rest = i;
      while (i < n && !isEnd(text.charCodeAt(i), d)) i++;
      field = pieces.join("") + text.slice(rest, i);
    } else {
      const from = i;
      while (i < n && !isEnd(text.charCodeAt(i), d)) i++;
      field = text.slice(from, i);
    }
    fields.push(field);
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    // End of record (CR, LF, CRLF or end of input). A blank line is skipped entirely.
    if (!(fields.length === 1 && field === "" && text.charCodeAt(i - 1) !== QUOTE))
      out.push({ line: recordLine, fields });
    fields = [];
    if (i >= n) break;
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    recordLine = line;
    if (i >= n) break;
  }
  return out;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const isEnd = (c: number, d: number) => c === d || c === CR || c === LF;

function countLineBreaks(text: string, from: number, to: number): number {
  let k = 0;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === LF || (c === CR && text.charCodeAt(j + 1) !== LF)) k++;
  }
  return k;
}

// OWASP CSV injection rule: a cell a spreadsheet could run as a formula starts with one of
// these; it gets a leading ' (shown as text, stripped again by our importer).
const FORMULA_START = "=+-@\t\r\n";
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** Neutralises a cell a spreadsheet would evaluate: `-2+3+cmd|…`, `+1+…`, `=HYPERLINK(…)`, "\n=…". */
export function guardFormula(v: string): string {
  if (!v || !FORMULA_START.includes(v[0]!) || PLAIN_NUMBER.test(v)) return v;
  return `'${v}`;
}

/** Serialises one CSV row; cells that a spreadsheet would run as a formula are prefixed with '. */
export function toCsvRow(cells: (string | null | undefined)[]): string {
  return cells
    .map((c) => {
      const v = guardFormula(c ?? "");
      return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
    })
    .join(",");
}
