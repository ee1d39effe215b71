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
  const text = input.replace(/^\uFEFF/, "");
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    // Skip blank lines entirely.
    if (!(fields.length === 1 && fields[0] === "" && !fieldStarted)) out.push({ line: recordLine, fields });
    fields = [];
    field = "";
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === "") {
      inQuotes = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = "";
      fieldStarted = true;
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (field !== "" || fields.length || fieldStarted) endRecord();
  return out;
}

/** Serialises one CSV row; cells that a spreadsheet would run as a formula are prefixed with '. */
export function toCsvRow(cells: (string | null | undefined)[]): string {
  return cells
    .map((c) => {
      let v = c ?? "";
      if (/^[=@\t\r]/.test(v) || /^[+-][^\d\s(]/.test(v)) v = `'${v}`;
      return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(",");
}
