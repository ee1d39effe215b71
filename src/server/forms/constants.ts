// Plain values shared by the form domain, its API schemas and the builder UI (no server imports).

export const FIELD_TYPES = [
  "short_text",
  "long_text",
  "email",
  "phone",
  "date",
  "single_choice",
  "multi_choice",
  "checkbox",
  "scale",
  "heading",
  "health",
  "consent",
] as const;

export const HEALTH_KEYS = ["conditions", "allergies", "medications", "notes"] as const;
export type HealthKey = (typeof HEALTH_KEYS)[number];

/** Where approve writes an answer: a contact field, a part of the encrypted health context, or the note. */
export const FIELD_TARGETS = [
  "contact.name",
  "contact.email",
  "contact.phone",
  "contact.birthday",
  "contact.address",
  "contact.referralSource",
  "health.conditions",
  "health.allergies",
  "health.medications",
  "health.notes",
  "health",
  "note",
  "none",
] as const;
export type FieldTarget = (typeof FIELD_TARGETS)[number];

export const TEMPLATE_KEYS = ["general", "massage", "yoga_parq", "coaching", "waiver"] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const MAX_FIELDS = 100;

/** Consent records older than this get a re-consent reminder. */
export const RECONSENT_AFTER_DAYS = 365;
