import { z } from "zod";

/** True when the runtime knows `tz` as an IANA time zone ("Europe/London", "UTC"). */
export function isTimeZone(tz: string): boolean {
  if (tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: "Unknown time zone (use an IANA name such as Europe/London)" });

export const profileSchema = z.object({
  email: z.string(),
  name: z.string(),
  timeZone: z.string(),
});
export type Profile = z.infer<typeof profileSchema>;

export const updateProfileInput = z.strictObject({ timeZone: timeZoneSchema }).partial();
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;
