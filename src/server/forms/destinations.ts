import type { FieldTarget } from "./constants";
import type { Answers } from "./answer-schema";
import type { Destination, FormField } from "./schemas";

/** Where a field's answer goes when the builder did not choose: by type. */
export function targetOf(f: FormField): FieldTarget {
  if (f.target) return f.target;
  switch (f.type) {
    case "email":
      return "contact.email";
    case "phone":
      return "contact.phone";
    case "health":
      return "health";
    case "heading":
    case "consent":
      return "none";
    default:
      return "note";
  }
}

/** An answer as the practitioner reads it. */
export function answerText(f: FormField, v: Answers[string] | undefined): string {
  if (v === undefined || v === null) return "";
  if (Array.isArray(v)) return v.join(", ");
  if (typeof v === "boolean") return v ? "Yes" : "No";
  if (typeof v === "object")
    return Object.entries(v)
      .filter(([, s]) => s)
      .map(([k, s]) => `${k}: ${s}`)
      .join("\n");
  if (f.type === "scale") return `${v} (${f.min}–${f.max})`;
  return String(v);
}

/**
 * Each answered field and where approve puts it. An unticked optional checkbox carries no
 * information worth writing anywhere, so it is left out.
 */
export function destinations(fields: FormField[], answers: Answers): Destination[] {
  const out: Destination[] = [];
  for (const f of fields) {
    const target = targetOf(f);
    if (target === "none") continue;
    const v = answers[f.id];
    if (v === undefined || v === false || v === "") continue;
    if (Array.isArray(v) && !v.length) continue;
    const value = answerText(f, v);
    if (!value) continue;
    out.push({ fieldId: f.id, label: f.label, value, target });
  }
  return out;
}
