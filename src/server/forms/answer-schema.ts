import { z } from "zod";
import { emailSchema, phoneSchema } from "../contacts/identity-normalize";
import { HEALTH_KEYS } from "./constants";
import type { FormField } from "./schemas";

export type Answers = Record<string, string | number | boolean | string[] | Record<string, string>>;

// "" from an untouched input counts as no answer, so an optional field may be left blank.
const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

function valueSchema(f: FormField): z.ZodType | null {
  switch (f.type) {
    case "heading":
      return null;
    case "short_text":
      return z.string().trim().min(1).max(500);
    case "long_text":
      return z.string().trim().min(1).max(5000);
    case "email":
      return emailSchema;
    case "phone":
      return phoneSchema;
    case "date":
      return z.iso.date();
    case "single_choice":
      return z.enum(f.options as [string, ...string[]]);
    case "multi_choice": {
      const arr = z.array(z.enum(f.options as [string, ...string[]])).max(f.options.length);
      return f.required ? arr.min(1) : arr;
    }
    case "checkbox":
      return f.required ? z.literal(true) : z.boolean();
    case "scale":
      return z.number().int().min(f.min).max(f.max);
    case "health": {
      const part = z.preprocess(blankToUndefined, z.string().trim().max(5000).optional());
      const obj = z.strictObject(Object.fromEntries(HEALTH_KEYS.map((k) => [k, part])));
      // A required health block needs at least one part answered ("none" is an answer).
      return f.required
        ? obj.refine((o) => Object.values(o).some((v) => v), { message: "please answer at least one" })
        : obj;
    }
    case "consent":
      // The consent checkbox is always required: a form cannot be sent without agreeing.
      return z.literal(true, { message: "please tick to agree" });
  }
}

/**
 * The zod schema of one form's answers, built from its field definitions: known field ids
 * only (strict), each value checked by its type, required fields present.
 */
export function answerSchema(fields: FormField[]): z.ZodType<Answers> {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) {
    const s = valueSchema(f);
    if (!s) continue;
    const required = f.required || f.type === "consent";
    shape[f.id] = z.preprocess(blankToUndefined, required ? s : s.optional());
  }
  return z.strictObject(shape) as unknown as z.ZodType<Answers>;
}

/** Whether the form asks for a drawn signature (a consent block with signature on). */
export function needsSignature(fields: FormField[]): boolean {
  return fields.some((f) => f.type === "consent" && f.signature);
}
