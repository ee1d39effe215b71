import { z } from "zod";
import { lifecycleStages } from "../contacts/constants";

export const everyDaysSchema = z.number().int().min(0).max(730);

/** Suggested defaults shown in Settings (nothing applies until the user saves them). */
export const SUGGESTED_STAGE_RHYTHMS: Partial<Record<(typeof lifecycleStages)[number], number>> = {
  Prospect: 7,
  "New Client": 14,
  "Core Client": 21,
  "VIP Client": 14,
  "Referring Client": 30,
};

export const rhythmSettingsSchema = z.object({
  stages: z.array(z.object({ stage: z.enum(lifecycleStages), everyDays: z.number().int() })),
  tags: z.array(z.object({ tagId: z.uuid(), name: z.string(), everyDays: z.number().int() })),
  /** "At Risk Client" is suggested once a client is overdue by more than this many days. */
  atRiskMarginDays: z.number().int(),
  suggestedStages: z.record(z.string(), z.number().int()),
});
export type RhythmSettings = z.infer<typeof rhythmSettingsSchema>;

export const putRhythmSettingsInput = z.strictObject({
  stages: z
    .array(z.strictObject({ stage: z.enum(lifecycleStages), everyDays: everyDaysSchema.min(1) }))
    .max(lifecycleStages.length),
  tags: z.array(z.strictObject({ tagId: z.uuid(), everyDays: everyDaysSchema.min(1) })).max(200),
  atRiskMarginDays: z.number().int().min(0).max(365).optional(),
});
export type PutRhythmSettingsInput = z.input<typeof putRhythmSettingsInput>;

export const putContactRhythmInput = z.strictObject({
  /** Every N days; 0 = never remind; null = follow the stage/tag defaults. */
  everyDays: everyDaysSchema.nullable(),
});

export const snoozeContactInput = z.strictObject({
  /** Snooze for this many days (from today, local) — or until a local date. */
  days: z.number().int().min(1).max(365).optional(),
  until: z.iso.date().optional(),
});

export const contactRhythmSchema = z.object({
  contactId: z.uuid(),
  /** The contact's own setting (null = defaults apply, 0 = never). */
  everyDays: z.number().int().nullable(),
  /** What applies: the own setting, else the shortest stage/tag default; null = no rhythm. */
  effectiveDays: z.number().int().nullable(),
  why: z.object({ kind: z.enum(["contact", "stage", "tag"]), name: z.string().nullable() }).nullable(),
  lastInteractionAt: z.string().nullable(),
  /** Local date from which the contact is due (null without a rhythm). */
  dueOn: z.string().nullable(),
  snoozedUntil: z.string().nullable(),
});
export type ContactRhythm = z.infer<typeof contactRhythmSchema>;

export const dueContactSchema = z.object({
  contactId: z.uuid(),
  displayName: z.string(),
  stage: z.string(),
  avatarUrl: z.string().nullable(),
  lastInteractionAt: z.string().nullable(),
  everyDays: z.number().int(),
  why: z.object({ kind: z.enum(["contact", "stage", "tag"]), name: z.string().nullable() }),
  /** Whole local days since the last interaction (since the contact was added when none). */
  daysSince: z.number().int(),
  dueOn: z.string(),
  overdueDays: z.number().int(),
});
export type DueContact = z.infer<typeof dueContactSchema>;
