import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, userId } from "./columns";
import { contacts } from "./contacts";
import { interactions } from "./interactions";

// The jsonb shapes (the booking domain's WeeklyHours/DateOverride match them structurally).
type HourRange = { start: string; end: string };
type WeeklyHours = Partial<Record<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", HourRange[]>>;
type DateOverride = { date: string; ranges: HourRange[] };

/** One row per practitioner: the public page (handle) and the availability rules. */
export const bookingSettings = pgTable("booking_settings", {
  userId: userId().primaryKey(),
  /** Public slug in /book/{handle}; unique, never a user id. */
  handle: text("handle").unique("booking_settings_handle_uq"),
  enabled: boolean("enabled").notNull().default(false),
  displayName: text("display_name"),
  /** IANA zone for the hours; null = the profile's zone. */
  timeZone: text("time_zone"),
  weeklyHours: jsonb("weekly_hours").$type<WeeklyHours>().notNull().default({}),
  overrides: jsonb("overrides").$type<DateOverride[]>().notNull().default([]),
  minNoticeMinutes: integer("min_notice_minutes").notNull().default(240),
  maxDaysAhead: integer("max_days_ahead").notNull().default(60),
  slotStepMinutes: integer("slot_step_minutes").notNull().default(30),
  dailyCap: integer("daily_cap"),
  cancelWindowMinutes: integer("cancel_window_minutes").notNull().default(1440),
  reminderMinutes: integer("reminder_minutes")
    .array()
    .notNull()
    .default(sql`'{1440,120}'`),
  busyCalendarIds: text("busy_calendar_ids")
    .array()
    .notNull()
    .default(sql`'{primary}'`),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const bookingServices = pgTable(
  "booking_services",
  {
    id: id(),
    userId: userId(),
    name: text("name").notNull(),
    description: text("description"),
    durationMinutes: integer("duration_minutes").notNull(),
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull().default(0),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(0),
    /** Shown on the booking page; nothing is charged. */
    priceCents: integer("price_cents"),
    currency: text("currency"),
    locationType: text("location_type")
      .$type<"address" | "video" | "phone" | "none">()
      .notNull()
      .default("video"),
    location: text("location"),
    color: text("color").notNull().default("#4F7A64"),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("booking_services_user_idx").on(t.userId)],
);

export const bookings = pgTable(
  "bookings",
  {
    id: id(),
    userId: userId(),
    /** booking = a client's session; block = time the practitioner kept free. */
    kind: text("kind").$type<"booking" | "block">().notNull().default("booking"),
    status: text("status").$type<"confirmed" | "cancelled">().notNull().default("confirmed"),
    serviceId: uuid("service_id").references(() => bookingServices.id, { onDelete: "set null" }),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    interactionId: uuid("interaction_id").references(() => interactions.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    blockedFrom: timestamp("blocked_from", { withTimezone: true }).notNull(),
    blockedUntil: timestamp("blocked_until", { withTimezone: true }).notNull(),
    clientName: text("client_name"),
    clientEmail: text("client_email"),
    clientPhone: text("client_phone"),
    note: text("note"),
    location: text("location"),
    clientTimeZone: text("client_time_zone"),
    source: text("source").$type<"public" | "practitioner">().notNull().default("public"),
    googleEventId: text("google_event_id"),
    /** pending | synced | skipped (calendar not connected) | failed */
    calendarStatus: text("calendar_status").notNull().default("pending"),
    /** Bumped on every reschedule/cancel: mails and reminders are keyed by it. */
    version: integer("version").notNull().default(1),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("bookings_user_time_idx").on(t.userId, t.blockedFrom),
    index("bookings_contact_idx").on(t.contactId),
  ],
);

/** A claimed mail (confirmation, reminder:<min>, …) per booking version: sent at most once. */
export const bookingMessages = pgTable(
  "booking_messages",
  {
    userId: userId(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    version: integer("version").notNull(),
    messageId: text("message_id").notNull(),
    jobId: text("job_id"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.bookingId, t.kind, t.version] }),
    index("booking_messages_user_idx").on(t.userId),
  ],
);
