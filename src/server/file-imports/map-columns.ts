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
    const key = h.trim().toLowerCase().replace(/\s+/g, " ");
    out[h] = RULES.find(([re]) => re.test(key))?.[1] ?? "ignore";
  }
  return out;
}

// Google packs several values into one cell separated by " ::: ".
const multi = (v: string) =>
  v
    .split(/\s*:::\s*/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Applies a mapping to parsed CSV records (first record = headers). */
export function rowsFromCsv(records: CsvRecord[], mapping: ColumnMapping): ImportRow[] {
  const [header, ...body] = records;
  if (!header) return [];
  const fields = header.fields.map((h) => mapping[h] ?? "ignore");
  return body.map((rec) => {
    const row = emptyRow(rec.line);
    const name = { first: "", middle: "", last: "" };
    rec.fields.forEach((raw, i) => {
      const v = raw.trim();
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
          row.emails.push(
            ...multi(v)
              .flatMap((x) => x.split(/[;,]\s*/))
              .filter(Boolean),
          );
          break;
        case "phone":
          row.phones.push(...multi(v));
          break;
        case "tags":
          row.tags.push(
            ...multi(v)
              .flatMap((x) => x.split(/\s*[;,]\s*/))
              .filter((t) => t && !t.startsWith("* ")),
          );
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
