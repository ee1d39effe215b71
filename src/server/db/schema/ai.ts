import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  date,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, userId } from "./columns";

// The `embedding vector(N)` column and its HNSW index are added by a migration only when
// the pgvector extension is available, so a Postgres without it still migrates and runs.
export const embeddings = pgTable(
  "embeddings",
  {
    id: id(),
    userId: userId(),
    ownerType: text("owner_type").$type<"contact" | "interaction" | "note" | "document">().notNull(),
    ownerId: uuid("owner_id").notNull(),
    chunkIndex: integer("chunk_index").notNull().default(0),
    contentHash: text("content_hash").notNull(),
    content: text("content").notNull(),
    model: text("model").notNull(),
    dims: integer("dims").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("embeddings_owner_chunk_uq").on(t.userId, t.ownerType, t.ownerId, t.chunkIndex)],
);

export const aiInsights = pgTable(
  "ai_insights",
  {
    id: id(),
    userId: userId(),
    subjectType: text("subject_type").$type<"contact" | "user">().notNull(),
    subjectId: uuid("subject_id"),
    kind: text("kind").notNull(),
    content: jsonb("content").notNull(),
    model: text("model"),
    status: text("status").$type<"ok" | "failed">().notNull().default("ok"),
    error: text("error"),
    fingerprint: text("fingerprint"),
    createdAt: createdAt(),
  },
  (t) => [index("ai_insights_subject_idx").on(t.userId, t.subjectType, t.subjectId, t.createdAt)],
);

export const aiUsage = pgTable(
  "ai_usage",
  {
    id: id(),
    userId: userId(),
    model: text("model").notNull(),
    operation: text("operation").notNull(),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    costUsd: numeric("cost_usd", { precision: 12, scale: 6 }).notNull().default("0"),
    createdAt: createdAt(),
  },
  (t) => [index("ai_usage_user_created_idx").on(t.userId, t.createdAt)],
);

/** One row per user per month: credits are taken from it atomically. */
export const aiQuotas = pgTable(
  "ai_quotas",
  {
    id: id(),
    userId: userId(),
    periodStart: date("period_start").notNull(),
    creditsLeft: integer("credits_left").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("ai_quotas_user_period_uq").on(t.userId, t.periodStart)],
);

export const threads = pgTable(
  "threads",
  {
    id: id(),
    userId: userId(),
    title: text("title"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("threads_user_updated_idx").on(t.userId, t.updatedAt)],
);

export const messages = pgTable(
  "messages",
  {
    id: id(),
    userId: userId(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    role: text("role").$type<"user" | "assistant" | "system" | "tool">().notNull(),
    content: jsonb("content").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("messages_thread_idx").on(t.threadId, t.createdAt)],
);

export const toolInvocations = pgTable("tool_invocations", {
  id: id(),
  userId: userId(),
  messageId: uuid("message_id").references(() => messages.id, { onDelete: "cascade" }),
  tool: text("tool").notNull(),
  args: jsonb("args").notNull(),
  result: jsonb("result"),
  latencyMs: integer("latency_ms"),
  status: text("status").$type<"ok" | "error" | "proposed" | "applied" | "rejected">().notNull(),
  createdAt: createdAt(),
});

/** Per-user AI privacy settings (one row per user, created on first change; absent = defaults). */
export const aiSettings = pgTable("ai_settings", {
  userId: userId().primaryKey(),
  /** Off by default: a contact's private health context is never sent to the provider unless enabled. */
  includeHealthContext: boolean("include_health_context").notNull().default(false),
  updatedAt: updatedAt(),
});
