import { z } from "zod";
import type { CsvRecord } from "./parse-csv";
import { emptyRow, normalizeBirthday, type ImportRow } from "./import-row";

export const importFields = [
  "displayName",
  "firstName",
  "middleName",
  "lastName",
  "email",
  "phone",
  "stage",
  "tags",
  "birthday",
  "address",
  "referralSource",
  "communicationPreference",
  "preferredSessionTimes",
  "notes",
  "ignore",
] as const;
export type ImportField = (typeof importFields)[number];

/** Header → field; the user can override any column in the preview. */
export const columnMappingSchema = z.record(z.string().max(200), z.enum(importFields));
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

// Order matters: the first rule that matches a header wins. Covers our own export, common
// spreadsheet headings, and both Google Contacts CSV layouts ("Given Name"/"First Name",
// "E-mail 1 - Value", "Phone 1 - Value", "Address 1 - Formatted", "Labels"/"Group Membership").
const RULES: [RegExp, ImportField][] = [
  [/^e-?mail \d+ - (label|type)$|^phone \d+ - (label|type)$|^address \d+ - (label|type)$/, "ignore"],
  [/^(display ?name|full ?name|name|contact|client|client name|contact name)$/, "displayName"],
  [/^(first ?name|given ?name|first|forename)$/, "firstName"],
  [/^(middle ?name|additional ?name)$/, "middleName"],
  [/^(last ?name|family ?name|surname|last)$/, "lastName"],
  [/e-?mail/, "email"],
  [/phone|mobile|\bcell\b|\btel\b|telephone/, "phone"],
  [/^(stage|lifecycle|lifecycle stage|status)$/, "stage"],
  [/^(tags?|labels|groups?|group membership|categories)$/, "tags"],
  [/birth ?day|^dob$|date of birth/, "birthday"],
  [/^address( \d+ - formatted)?$|^address$|street/, "address"],
  [/referr(al|ed)|^source$|how did you hear/, "referralSource"],
  [/communication|contact preference|preferred contact/, "communicationPreference"],
  [/session times?|availability|preferred times?/, "preferredSessionTimes"],
  [/^notes?$|comments?/, "notes"],
];

export function guessMapping(headers: string[]): ColumnMapping {
  const out: ColumnMapping = {};
  for (const h of headers) {
    const key = collapseSpaces(h.trim().toLowerCase());
    out[h] = RULES.find(([re]) => re.test(key))?.[1] ?? "ignore";
  }
  return out;
}

/** Runs of whitespace → one space, in one pass (a `\s+` regex re-scans a run from each start). */
function collapseSpaces(s: string): string {
  let out = "";
  let space = false;
  for (const ch of s) {
    if (ch.trim() === "") space = true;
    else {
      if (space && out) out += " ";
      out += ch;
      space = false;
    }
  }
  return out;
}

/** Splits on literal separators and trims each piece: linear, whatever the cell holds. */
function splitOn(v: string, seps: readonly string[]): string[] {
  let parts = [v];
  for (const sep of seps) parts = parts.flatMap((p) => p.split(sep));
  return parts.map((x) => x.trim()).filter(Boolean);
}

// Google packs several values into one cell separated by " ::: ".
const multi = (v: string) => splitOn(v, [":::"]);

// Our export writes a leading ' before cells a spreadsheet would run as a formula; take it off.
const unguard = (v: string) =>
  v.length > 1 && v[0] === "'" && "=+-@\t\r\n".includes(v[1]!) ? v.slice(1) : v;

/** Applies a mapping to parsed CSV records (first record = headers). */
export function rowsFromCsv(records: CsvRecord[], mapping: ColumnMapping): ImportRow[] {
  const [header, ...body] = records;
  if (!header) return [];
  const fields = header.fields.map((h) => mapping[h] ?? "ignore");
  return body.map((rec) => {
    const row = emptyRow(rec.line);
    const name = { first: "", middle: "", last: "" };
    rec.fields.forEach((raw, i) => {
      const v = unguard(raw.trim());
      if (!v) return;
      switch (fields[i]) {
        case "displayName":
          row.displayName ||= v;
          break;
        case "firstName":
          name.first = v;
          break;
        case "middleName":
          name.middle = v;
          break;
        case "lastName":
          name.last = v;
          break;
        case "email":
          row.emails.push(...splitOn(v, [":::", ";", ","]));
          break;
        case "phone":
          row.phones.push(...multi(v));
          break;
        case "tags":
          row.tags.push(...splitOn(v, [":::", ";", ","]).filter((t) => !t.startsWith("* ")));
          break;
        case "birthday":
          row.birthday = normalizeBirthday(v);
          break;
        case "stage":
        case "address":
        case "referralSource":
        case "communicationPreference":
        case "preferredSessionTimes":
        case "notes":
          row[fields[i] as "stage"] = v;
          break;
      }
    });
    if (!row.displayName) row.displayName = [name.first, name.middle, name.last].filter(Boolean).join(" ");
    if (!row.displayName) row.displayName = row.emails[0] ?? "";
    return row;
  });
}
