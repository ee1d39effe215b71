import { z } from "zod";

export const digestSettingsSchema = z.object({
  /** Send the morning digest by email. */
  digestEnabled: z.boolean(),
  /** Local hour (0–23, in your time zone) the digest is sent at. */
  digestHour: z.number().int(),
  /** Birthdays and anniversaries this many days ahead appear on Today and in the digest. */
  birthdaysAheadDays: z.number().int(),
  timeZone: z.string(),
});
export type DigestSettings = z.infer<typeof digestSettingsSchema>;

export const updateDigestSettingsInput = z
  .strictObject({
    digestEnabled: z.boolean(),
    digestHour: z.number().int().min(0).max(23),
    birthdaysAheadDays: z.number().int().min(0).max(60),
  })
  .partial();

export const digestPreviewSchema = z.object({
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  /** Nothing on today's list: no digest would be sent. */
  empty: z.boolean(),
});
export type DigestPreview = z.infer<typeof digestPreviewSchema>;
