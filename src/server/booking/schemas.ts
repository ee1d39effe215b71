import { z } from "zod";
import { timeZoneSchema } from "../profile/schemas";
import { weekdays } from "./constants";

const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "use HH:mm");
export const hourRangeSchema = z
  .strictObject({ start: hhmm, end: hhmm })
  .refine((r) => r.start < r.end, { message: "a range must end after it starts" });
const rangesSchema = z.array(hourRangeSchema).max(8);
export const weeklyHoursSchema = z.strictObject(
  Object.fromEntries(weekdays.map((d) => [d, rangesSchema.optional()])) as Record<
    (typeof weekdays)[number],
    z.ZodOptional<typeof rangesSchema>
  >,
);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD");
export const overrideSchema = z.strictObject({ date: isoDate, ranges: rangesSchema });

/** Lower-case letters, digits and dashes; words the booking pages use are reserved. */
export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{2,39}$/, "3–40 lower-case letters, digits or dashes")
  .refine((h) => !["manage", "api", "admin", "book", "forms"].includes(h), {
    message: "this handle is reserved",
  });

export const availabilitySchema = z.object({
  handle: z.string().nullable(),
  enabled: z.boolean(),
  displayName: z.string().nullable(),
  timeZone: z.string(),
  ownTimeZone: z.string().nullable(),
  weeklyHours: weeklyHoursSchema,
  overrides: z.array(overrideSchema),
  minNoticeMinutes: z.number().int(),
  maxDaysAhead: z.number().int(),
  slotStepMinutes: z.number().int(),
  dailyCap: z.number().int().nullable(),
  cancelWindowMinutes: z.number().int(),
  reminderMinutes: z.array(z.number().int()),
  busyCalendarIds: z.array(z.string()),
  /** The Google permission to add events has been granted (booking asks for it once). */
  calendarWriteGranted: z.boolean(),
});
export type Availability = z.infer<typeof availabilitySchema>;

/** GET /api/v1/availability/calendars: which Google calendars block slots. */
export const busyCalendarsSchema = z.object({
  /** A Google Calendar is connected; without one only bookings block time. */
  connected: z.boolean(),
  calendars: z.array(
    z.object({
      /** "primary" for the main calendar, else Google's calendar id. */
      id: z.string(),
      name: z.string(),
      primary: z.boolean(),
      /** Its busy times block booking slots. */
      busy: z.boolean(),
      /** Chosen earlier but no longer in the Google account's list. */
      missing: z.boolean(),
    }),
  ),
});
export type BusyCalendars = z.infer<typeof busyCalendarsSchema>;

export const updateAvailabilityInput = z
  .strictObject({
    handle: handleSchema.nullable(),
    enabled: z.boolean(),
    displayName: z.string().trim().max(120).nullable(),
    /** null = follow the profile's time zone. */
    timeZone: timeZoneSchema.nullable(),
    weeklyHours: weeklyHoursSchema,
    overrides: z.array(overrideSchema).max(366),
    minNoticeMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 30),
    maxDaysAhead: z.number().int().min(1).max(365),
    slotStepMinutes: z.number().int().min(5).max(240),
    dailyCap: z.number().int().min(1).max(100).nullable(),
    cancelWindowMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 30),
    reminderMinutes: z
      .array(
        z
          .number()
          .int()
          .min(5)
          .max(60 * 24 * 14),
      )
      .max(4),
    busyCalendarIds: z.array(z.string().min(1).max(200)).min(1).max(10),
  })
  .partial();
export type UpdateAvailabilityInput = z.infer<typeof updateAvailabilityInput>;

const money = z.number().int().min(0).max(10_000_000);
export const serviceFields = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000).nullable().optional(),
  durationMinutes: z.number().int().min(5).max(720),
  bufferBeforeMinutes: z.number().int().min(0).max(240).default(0),
  bufferAfterMinutes: z.number().int().min(0).max(240).default(0),
  priceCents: money.nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .optional(),
  locationType: z.enum(["address", "video", "phone", "none"]).default("video"),
  location: z.string().trim().max(500).nullable().optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default("#4F7A64"),
  active: z.boolean().default(true),
});
export const createServiceInput = serviceFields;
export type CreateServiceInput = z.input<typeof createServiceInput>;
export const updateServiceInput = z.strictObject(serviceFields.shape).partial();
export type UpdateServiceInput = z.input<typeof updateServiceInput>;

export const serviceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  durationMinutes: z.number(),
  bufferBeforeMinutes: z.number(),
  bufferAfterMinutes: z.number(),
  priceCents: z.number().nullable(),
  currency: z.string().nullable(),
  locationType: z.enum(["address", "video", "phone", "none"]),
  location: z.string().nullable(),
  color: z.string(),
  active: z.boolean(),
});
export type Service = z.infer<typeof serviceSchema>;

/** What a visitor sees of a service: no buffers, no internal ids beyond the service's own. */
export const publicServiceSchema = serviceSchema.omit({
  bufferBeforeMinutes: true,
  bufferAfterMinutes: true,
  active: true,
});
export type PublicService = z.infer<typeof publicServiceSchema>;

export const slotSchema = z.object({ start: z.iso.datetime(), end: z.iso.datetime() });
export const slotsQuery = z.object({
  serviceId: z.uuid(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const publicSlotsSchema = z.object({ timeZone: z.string(), slots: z.array(slotSchema) });

export const publicBookingInput = z.strictObject({
  serviceId: z.uuid(),
  start: z.iso.datetime({ offset: true }),
  name: z.string().trim().min(1).max(120),
  email: z.email().max(254),
  phone: z.string().trim().max(40).optional(),
  note: z.string().trim().max(2000).optional(),
  consent: z.literal(true, { message: "please agree so we can keep your details" }),
  /** The visitor's IANA zone, for the times in their mails. */
  timeZone: timeZoneSchema.optional(),
  /** Honeypot: people leave it empty. */
  website: z.string().max(200).optional(),
});
export type PublicBookingInput = z.infer<typeof publicBookingInput>;

export const bookingSchema = z.object({
  id: z.uuid(),
  kind: z.enum(["booking", "block"]),
  status: z.enum(["confirmed", "cancelled"]),
  serviceId: z.uuid().nullable(),
  contactId: z.uuid().nullable(),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  clientName: z.string().nullable(),
  clientEmail: z.string().nullable(),
  clientPhone: z.string().nullable(),
  note: z.string().nullable(),
  location: z.string().nullable(),
  source: z.enum(["public", "practitioner"]),
  calendarStatus: z.string(),
  cancelledAt: z.string().nullable(),
});
export type BookingView = z.infer<typeof bookingSchema>;

export const listBookingsQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  contactId: z.uuid().optional(),
  includeBusy: z.enum(["true", "false"]).optional(),
});
export const bookingListSchema = z.object({
  items: z.array(bookingSchema),
  /** Google busy times in the window (when requested and the calendar is connected). */
  busy: z.array(z.object({ start: z.string(), end: z.string() })),
});

/** Practitioner-side: book a client, or block time (no contact, no mail). */
export const createBookingInput = z.strictObject({
  kind: z.enum(["booking", "block"]).default("booking"),
  serviceId: z.uuid().optional(),
  contactId: z.uuid().optional(),
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }).optional(),
  title: z.string().trim().max(200).optional(),
  note: z.string().trim().max(2000).optional(),
});
export type CreateBookingInput = z.input<typeof createBookingInput>;

export const updateBookingInput = z
  .strictObject({
    status: z.literal("cancelled"),
    start: z.iso.datetime({ offset: true }),
    note: z.string().trim().max(2000).nullable(),
  })
  .partial();
export type UpdateBookingInput = z.infer<typeof updateBookingInput>;
