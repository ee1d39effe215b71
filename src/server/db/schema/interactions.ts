import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, userId } from "./columns";
import { contacts } from "./contacts";

/** "document": a Google Drive file shared with the contact (source drive, never logged by hand). */
export const interactionTypes = ["email", "meeting", "call", "note", "session", "document"] as const;
export type InteractionType = (typeof interactionTypes)[number];

export const interactions = pgTable(
  "interactions",
  {
    id: id(),
    userId: userId(),
    type: text("type").$type<InteractionType>().notNull(),
    /** manual, gmail, calendar, csv… with source_id it makes re-imports idempotent. */
    source: text("source").notNull(),
    sourceId: text("source_id").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    subject: text("subject"),
    body: text("body"),
    summary: text("summary"),
    direction: text("direction").$type<"inbound" | "outbound" | "internal">(),
    threadId: text("thread_id"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    batchId: uuid("batch_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("interactions_user_source_uq").on(t.userId, t.source, t.sourceId),
    index("interactions_user_occurred_idx").on(t.userId, t.occurredAt),
    index("interactions_batch_idx").on(t.batchId),
  ],
);

/** An interaction links to every contact that took part (a group session shows on each). */
export const interactionContacts = pgTable(
  "interaction_contacts",
  {
    userId: userId(),
    interactionId: uuid("interaction_id")
      .notNull()
      .references(() => interactions.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    role: text("role"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.interactionId, t.contactId] }),
    index("interaction_contacts_contact_idx").on(t.contactId, t.occurredAt),
  ],
);

/** Provider payloads exactly as fetched, kept until normalized and past retention. */
export const rawEvents = pgTable(
  "raw_events",
  {
    id: id(),
    userId: userId(),
    provider: text("provider").$type<"gmail" | "calendar" | "drive">().notNull(),
    sourceId: text("source_id").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }),
    payload: jsonb("payload").notNull(),
    batchId: uuid("batch_id"),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("raw_events_user_provider_source_uq").on(t.userId, t.provider, t.sourceId),
    index("raw_events_batch_idx").on(t.batchId),
  ],
);

export const documents = pgTable(
  "documents",
  {
    id: id(),
    userId: userId(),
    source: text("source").notNull(),
    sourceId: text("source_id").notNull(),
    title: text("title"),
    mimeType: text("mime_type"),
    text: text("text"),
    sizeBytes: integer("size_bytes"),
    batchId: uuid("batch_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("documents_user_source_uq").on(t.userId, t.source, t.sourceId)],
);
