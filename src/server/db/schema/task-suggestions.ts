import { sql } from "drizzle-orm";
import {
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
import { createdAt, id, userId } from "./columns";
import { contacts } from "./contacts";
import { tasks } from "./followups";

export const suggestionStatuses = ["suggested", "accepted", "dismissed"] as const;
export type SuggestionStatus = (typeof suggestionStatuses)[number];

/** A promise found in the user's own mail or notes (migration 0015): a task to accept or dismiss. */
export const taskSuggestions = pgTable(
  "task_suggestions",
  {
    id: id(),
    userId: userId(),
    source: text("source").$type<"email" | "note">().notNull(),
    /** "interaction:<id>" or "note:<id>": where the promise was written. */
    sourceRef: text("source_ref").notNull(),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** The title lower-cased with spaces and punctuation squeezed: the de-duplication key. */
    titleKey: text("title_key").notNull(),
    quote: text("quote"),
    dueOn: date("due_on"),
    dueAt: timestamp("due_at", { withTimezone: true }),
    sortKey: text("sort_key"),
    status: text("status").$type<SuggestionStatus>().notNull().default("suggested"),
    taskId: uuid("task_id").references(() => tasks.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("task_suggestions_dedupe_uq").on(t.userId, t.sourceRef, t.titleKey),
    index("task_suggestions_user_open_idx")
      .on(t.userId, t.createdAt)
      .where(sql`status = 'suggested'`),
  ],
);

/** Mail and notes already scanned for promises, with the hash of the text that was scanned. */
export const promiseScans = pgTable(
  "promise_scans",
  {
    userId: userId(),
    ownerRef: text("owner_ref").notNull(),
    textSha256: text("text_sha256").notNull(),
    found: integer("found").notNull().default(0),
    scannedAt: timestamp("scanned_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.ownerRef] })],
);
