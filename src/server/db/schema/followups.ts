import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, userId } from "./columns";
import { contacts, tags } from "./contacts";

export const taskStatuses = ["open", "done", "snoozed"] as const;
export type TaskStatus = (typeof taskStatuses)[number];
export const taskPriorities = ["low", "normal", "high"] as const;
export type TaskPriority = (typeof taskPriorities)[number];
export const taskSources = ["manual", "assistant", "email", "note", "rhythm", "consent"] as const;
export type TaskSource = (typeof taskSources)[number];

/** Tasks (migration 0015). `sort_key` is the local due ("YYYY-MM-DD[THH:MM]") for keyset pages. */
export const tasks = pgTable(
  "tasks",
  {
    id: id(),
    userId: userId(),
    title: text("title").notNull(),
    notes: text("notes"),
    dueOn: date("due_on"),
    dueAt: timestamp("due_at", { withTimezone: true }),
    sortKey: text("sort_key"),
    status: text("status").$type<TaskStatus>().notNull().default("open"),
    snoozedUntil: timestamp("snoozed_until", { withTimezone: true }),
    priority: text("priority").$type<TaskPriority>().notNull().default("normal"),
    source: text("source").$type<TaskSource>().notNull().default("manual"),
    sourceRef: text("source_ref"),
    rrule: text("rrule"),
    seriesId: uuid("series_id"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("tasks_user_sort_idx").on(t.userId, t.sortKey, t.id),
    index("tasks_user_open_sort_idx")
      .on(t.userId, t.sortKey)
      .where(sql`status <> 'done'`),
    uniqueIndex("tasks_series_due_uq")
      .on(t.seriesId, t.sortKey)
      .where(sql`series_id IS NOT NULL`),
  ],
);

export const taskContacts = pgTable(
  "task_contacts",
  {
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    userId: userId(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.contactId] }),
    index("task_contacts_contact_idx").on(t.contactId),
  ],
);

/** Per-contact keep-in-touch override (every_days 0 = never) and snooze. */
export const contactRhythms = pgTable(
  "contact_rhythms",
  {
    contactId: uuid("contact_id")
      .primaryKey()
      .references(() => contacts.id, { onDelete: "cascade" }),
    userId: userId(),
    everyDays: integer("every_days"),
    snoozedUntil: timestamp("snoozed_until", { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [index("contact_rhythms_user_idx").on(t.userId)],
);

/** Rhythm defaults per lifecycle stage (stage set) or per tag (tag_id set). */
export const rhythmDefaults = pgTable(
  "rhythm_defaults",
  {
    id: id(),
    userId: userId(),
    stage: text("stage"),
    tagId: uuid("tag_id").references(() => tags.id, { onDelete: "cascade" }),
    everyDays: integer("every_days").notNull(),
  },
  (t) => [
    uniqueIndex("rhythm_defaults_user_stage_uq")
      .on(t.userId, t.stage)
      .where(sql`stage IS NOT NULL`),
    uniqueIndex("rhythm_defaults_user_tag_uq")
      .on(t.userId, t.tagId)
      .where(sql`tag_id IS NOT NULL`),
  ],
);

export const followupSettings = pgTable("followup_settings", {
  userId: userId().primaryKey(),
  atRiskMarginDays: integer("at_risk_margin_days").notNull().default(14),
  birthdaysAheadDays: integer("birthdays_ahead_days").notNull().default(14),
  digestEnabled: boolean("digest_enabled").notNull().default(false),
  digestHour: integer("digest_hour").notNull().default(7),
  updatedAt: updatedAt(),
});

/** One row per user per local date, claimed before the digest is sent. */
export const digestSends = pgTable(
  "digest_sends",
  {
    userId: userId(),
    localDate: date("local_date").notNull(),
    status: text("status").$type<"sending" | "sent" | "empty">().notNull().default("sending"),
    messageId: text("message_id").notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    claimJobId: text("claim_job_id"),
    claimAttempt: integer("claim_attempt"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.localDate] })],
);

/** The secret ICS feed: only the token's SHA-256 is stored. */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    userId: userId().primaryKey(),
    tokenSha256: text("token_sha256").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("calendar_feeds_token_uq").on(t.tokenSha256)],
);
