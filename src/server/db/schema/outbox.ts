import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, userId } from "./columns";
import { contacts } from "./contacts";

export const outboxStatuses = [
  "draft",
  "approved",
  "scheduled",
  "sending",
  "sent",
  "failed",
  "cancelled",
] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
export const outboxOrigins = ["compose", "reply", "assistant", "template", "group", "checkin"] as const;
export type OutboxOrigin = (typeof outboxOrigins)[number];

/** One email waiting for approval, scheduled, being sent or sent (migration 0016). */
export const outboxItems = pgTable(
  "outbox_items",
  {
    id: id(),
    userId: userId(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    status: text("status").$type<OutboxStatus>().notNull().default("draft"),
    origin: text("origin").$type<OutboxOrigin>().notNull().default("compose"),
    toAddress: text("to_address").notNull(),
    cc: jsonb("cc").$type<string[]>().notNull().default([]),
    fromAddress: text("from_address"),
    subject: text("subject").notNull(),
    /** Markdown; rendered to HTML + plain text at send time. */
    body: text("body").notNull(),
    replyToInteractionId: uuid("reply_to_interaction_id"),
    gmailThreadId: text("gmail_thread_id"),
    inReplyTo: text("in_reply_to"),
    references: text("references"),
    templateId: uuid("template_id"),
    groupId: uuid("group_id"),
    sendAt: timestamp("send_at", { withTimezone: true }),
    idempotencyKey: text("idempotency_key").notNull(),
    /** Fixed at creation so every send attempt carries the same header (crash detection). */
    messageIdHeader: text("message_id_header").notNull(),
    gmailMessageId: text("gmail_message_id"),
    sendAttempts: integer("send_attempts").notNull().default(0),
    lastError: text("last_error"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("outbox_items_user_idem_uq").on(t.userId, t.idempotencyKey),
    uniqueIndex("outbox_items_message_id_uq").on(t.messageIdHeader),
    uniqueIndex("outbox_items_user_gmail_uq")
      .on(t.userId, t.gmailMessageId)
      .where(sql`gmail_message_id IS NOT NULL`),
    index("outbox_items_user_status_idx").on(t.userId, t.status, t.createdAt),
    index("outbox_items_user_sent_idx")
      .on(t.userId, t.sentAt)
      .where(sql`sent_at IS NOT NULL`),
  ],
);

export const outboxAttachments = pgTable(
  "outbox_attachments",
  {
    id: id(),
    userId: userId(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => outboxItems.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    contentBase64: text("content_base64").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_attachments_item_idx").on(t.itemId)],
);

export const emailTemplates = pgTable(
  "email_templates",
  {
    id: id(),
    userId: userId(),
    /** Set on the starter templates so seeding them twice inserts nothing. */
    starterKey: text("starter_key"),
    name: text("name").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("email_templates_user_starter_uq").on(t.userId, t.starterKey),
    index("email_templates_user_name_idx").on(t.userId, t.name),
  ],
);

export const outboxSettings = pgTable("outbox_settings", {
  userId: userId().primaryKey(),
  signature: text("signature").notNull().default(""),
  /** Null: the OUTBOX_DAILY_CAP default. */
  dailyCap: integer("daily_cap"),
  bookingLink: text("booking_link").notNull().default(""),
  /** Set once the starter templates were inserted (a deleted starter stays deleted). */
  templatesSeededAt: timestamp("templates_seeded_at", { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A row = "do not email" for that contact. */
export const contactEmailOptouts = pgTable(
  "contact_email_optouts",
  {
    contactId: uuid("contact_id")
      .primaryKey()
      .references(() => contacts.id, { onDelete: "cascade" }),
    userId: userId(),
    reason: text("reason").notNull(),
    source: text("source").$type<"user" | "unsubscribe">().notNull().default("user"),
    createdAt: createdAt(),
  },
  (t) => [index("contact_email_optouts_user_idx").on(t.userId)],
);

/** The user's own addresses: never contacts. */
export const userEmailIdentities = pgTable(
  "user_email_identities",
  {
    id: id(),
    userId: userId(),
    email: text("email").notNull(),
    source: text("source").$type<"primary" | "send_as" | "sent_from">().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("user_email_identities_user_email_uq").on(t.userId, t.email)],
);
