import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, userId } from "./columns";

export const userIntegrations = pgTable(
  "user_integrations",
  {
    id: id(),
    userId: userId(),
    provider: text("provider").$type<"google">().notNull(),
    service: text("service").$type<"gmail" | "calendar" | "drive" | "auth">().notNull(),
    /** AES-GCM ciphertexts (v1:iv:ct:tag). */
    accessTokenEnc: text("access_token_enc"),
    refreshTokenEnc: text("refresh_token_enc"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    grantedScopes: text("granted_scopes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    accountEmail: text("account_email"),
    status: text("status").$type<"connected" | "needs_reconnect">().notNull().default("connected"),
    /** Gmail historyId or Calendar syncToken for incremental sync. */
    cursor: text("cursor"),
    lastSyncAt: timestamp("last_sync_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("user_integrations_user_service_uq").on(t.userId, t.provider, t.service)],
);

export const userSyncPrefs = pgTable("user_sync_prefs", {
  userId: userId().primaryKey(),
  // No category:primary here: it would drop the user's sent mail (sent messages carry no
  // category), and the default contact policy needs it. Promotions & co. are excluded below.
  gmailQuery: text("gmail_query").notNull().default("-in:chats -in:drafts newer_than:30d"),
  gmailLabelIncludes: text("gmail_label_includes")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  gmailLabelExcludes: text("gmail_label_excludes")
    .array()
    .notNull()
    .default(sql`'{CATEGORY_PROMOTIONS,CATEGORY_SOCIAL,CATEGORY_FORUMS,CATEGORY_UPDATES}'::text[]`),
  calendarIncludeOrganizerSelf: text("calendar_include_organizer_self").notNull().default("true"),
  calendarIncludePrivate: text("calendar_include_private").notNull().default("false"),
  calendarTimeWindowDays: integer("calendar_time_window_days").notNull().default(60),
  contactCreationPolicy: text("contact_creation_policy")
    .$type<"engaged" | "anyone" | "nobody">()
    .notNull()
    .default("engaged"),
  driveIngestionMode: text("drive_ingestion_mode").notNull().default("none"),
  driveFolderIds: text("drive_folder_ids")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  updatedAt: updatedAt(),
});

/** One import run the user approved; undo removes everything carrying its id. */
export const syncBatches = pgTable(
  "sync_batches",
  {
    id: id(),
    userId: userId(),
    provider: text("provider").notNull(),
    status: text("status")
      .$type<"queued" | "importing" | "done" | "error" | "undone">()
      .notNull()
      .default("queued"),
    counts: jsonb("counts").$type<Record<string, number>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
  },
  (t) => [index("sync_batches_user_idx").on(t.userId, t.createdAt)],
);

export const syncAudit = pgTable(
  "sync_audit",
  {
    id: id(),
    userId: userId(),
    provider: text("provider").notNull(),
    action: text("action").notNull(),
    batchId: uuid("batch_id"),
    payload: jsonb("payload"),
    createdAt: createdAt(),
  },
  (t) => [index("sync_audit_user_idx").on(t.userId, t.createdAt)],
);

/** Structured security events (failed sign-ins, CSRF/rate-limit rejections…), kept 90 days. */
export const securityEvents = pgTable(
  "security_events",
  {
    id: id(),
    userId: uuid("user_id"),
    kind: text("kind").notNull(),
    ip: text("ip"),
    details: jsonb("details"),
    createdAt: createdAt(),
  },
  (t) => [index("security_events_created_idx").on(t.createdAt)],
);
