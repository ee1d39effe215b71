import { emptyRow, normalizeBirthday, type ImportRow } from "./import-row";

type Prop = { name: string; params: Record<string, string[]>; value: string };

const unescape = (v: string) =>
  v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));

/** Splits on an unescaped separator (`;` in N/ADR, `,` in CATEGORIES). */
function splitEscaped(v: string, sep: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < v.length; i++) {
    if (v[i] === "\\" && i + 1 < v.length) {
      cur += v[i]! + v[i + 1]!;
      i++;
    } else if (v[i] === sep) {
      out.push(cur);
      cur = "";
    } else cur += v[i];
  }
  out.push(cur);
  return out.map(unescape);
}

function parseProp(line: string): Prop | null {
  const colon = line.indexOf(":");
  if (colon < 0) return null;
  const [rawName, ...paramParts] = line.slice(0, colon).split(";");
  const name = rawName!.replace(/^[^.]+\./, "").toUpperCase(); // drop "item1." groups
  const params: Record<string, string[]> = {};
  for (const p of paramParts) {
    const [k, v] = p.includes("=") ? p.split("=", 2) : ["TYPE", p];
    (params[k!.toUpperCase()] ??= []).push(...v!.toLowerCase().replace(/"/g, "").split(","));
  }
  return { name, params, value: line.slice(colon + 1) };
}

const isPref = (p: Prop): boolean => !!(p.params.TYPE?.includes("pref") || p.params.PREF?.includes("1"));

/** vCard 2.1/3.0/4.0 → import rows (one per BEGIN:VCARD … END:VCARD). */
export function parseVcard(text: string): ImportRow[] {
  const physical = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  // Unfold: a line starting with space or tab continues the previous one.
  const lines: { text: string; line: number }[] = [];
  physical.forEach((l, i) => {
    if (/^[ \t]/.test(l) && lines.length) lines[lines.length - 1]!.text += l.slice(1);
    else lines.push({ text: l, line: i + 1 });
  });
  const rows: ImportRow[] = [];
  let cur: { row: ImportRow; props: Prop[] } | null = null;
  for (const { text: l, line } of lines) {
    const upper = l.trim().toUpperCase();
    if (upper === "BEGIN:VCARD") cur = { row: emptyRow(line), props: [] };
    else if (upper === "END:VCARD" && cur) {
      rows.push(finish(cur.row, cur.props));
      cur = null;
    } else if (cur && l.trim()) {
      const p = parseProp(l);
      if (p) cur.props.push(p);
    }
  }
  return rows;
}

function finish(row: ImportRow, props: Prop[]): ImportRow {
  const sorted = [...props].sort((a, b) => Number(isPref(b)) - Number(isPref(a)));
  for (const p of sorted) {
    const v = p.value.trim();
    switch (p.name) {
      case "FN":
        row.displayName = unescape(v);
        break;
      case "N":
        if (!row.displayName) {
          const [family, given, additional] = splitEscaped(v, ";");
          row.displayName = [given, additional, family].filter((x) => x?.trim()).join(" ");
        }
        break;
      case "EMAIL":
        if (v) row.emails.push(unescape(v).replace(/^mailto:/i, ""));
        break;
      case "TEL":
        if (v) row.phones.push(unescape(v).replace(/^tel:/i, ""));
        break;
      case "BDAY":
        row.birthday = normalizeBirthday(v);
        break;
      case "ADR":
        row.address ??= splitEscaped(v, ";")
          .map((x) => x.trim())
          .filter(Boolean)
          .join(", ");
        break;
      case "NOTE":
        row.notes = unescape(v);
        break;
      case "CATEGORIES":
        row.tags.push(
          ...splitEscaped(v, ",")
            .map((t) => t.trim())
            .filter(Boolean),
        );
        break;
    }
  }
  if (!row.displayName) row.displayName = row.emails[0] ?? "";
  return row;
}
