import { sql } from "drizzle-orm";
import {
  boolean,
  date,
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

import { contactSources, lifecycleStages, type LifecycleStage } from "../../contacts/constants";

// Re-exported so server code can keep importing them with the table.
export { contactSources, lifecycleStages, type LifecycleStage };

export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    userId: userId(),
    displayName: text("display_name").notNull(),
    stage: text("stage").$type<LifecycleStage>().notNull().default("Prospect"),
    source: text("source").$type<(typeof contactSources)[number]>().notNull().default("manual"),
    avatarPath: text("avatar_path"),
    birthday: date("birthday"),
    address: text("address"),
    referralSource: text("referral_source"),
    communicationPreference: text("communication_preference"),
    preferredSessionTimes: text("preferred_session_times"),
    /** AES-GCM ciphertext of the private health context; never sent to AI unless enabled. */
    healthContextEnc: text("health_context_enc"),
    batchId: uuid("batch_id"),
    /** Set when this contact was merged into another (kept soft-deleted so a merge can be undone). */
    mergedIntoId: uuid("merged_into_id"),
    /**
     * Lower-cased name + emails + phones, maintained by database triggers (migration
     * 0002) so every writer — manual edits, imports, merges — keeps search current.
     */
    searchText: text("search_text").notNull().default(""),
    lastInteractionAt: timestamp("last_interaction_at", { withTimezone: true }),
    userEditedAt: timestamp("user_edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("contacts_user_name_idx").on(t.userId, t.displayName),
    index("contacts_user_last_idx").on(t.userId, t.lastInteractionAt),
    index("contacts_user_created_idx").on(t.userId, t.createdAt),
    index("contacts_batch_idx").on(t.batchId),
    // Live rows only: counts by stage and the list total are index-only scans (3 ms vs 13 ms
    // seq scan at 20k contacts).
    index("contacts_user_live_stage_idx")
      .on(t.userId, t.stage)
      .where(sql`deleted_at IS NULL`),
  ],
);

/** Emails and phones of a contact. Emails are unique per user across contacts. */
export const contactIdentities = pgTable(
  "contact_identities",
  {
    id: id(),
    userId: userId(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"email" | "phone">().notNull(),
    value: text("value").notNull(),
    /** Lower-cased email or digits-only phone, used for matching. */
    valueNormalized: text("value_normalized").notNull(),
    isPrimary: boolean("is_primary").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("contact_identities_user_kind_value_uq").on(t.userId, t.kind, t.valueNormalized),
    index("contact_identities_contact_idx").on(t.contactId),
  ],
);

export const tags = pgTable(
  "tags",
  {
    id: id(),
    userId: userId(),
    name: text("name").notNull(),
    color: text("color").notNull().default("#4F7A64"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("tags_user_name_uq").on(t.userId, sql`lower(${t.name})`)],
);

export const contactTags = pgTable(
  "contact_tags",
  {
    userId: userId(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    tagId: uuid("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.tagId] }), index("contact_tags_tag_idx").on(t.tagId)],
);

export const notes = pgTable(
  "notes",
  {
    id: id(),
    userId: userId(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    pinned: boolean("pinned").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("notes_contact_idx").on(t.contactId, t.createdAt),
    // The dashboard's recent activity: newest notes of a user without sorting them all.
    index("notes_user_created_idx").on(t.userId, t.createdAt),
  ],
);

/** Audit of merges, so a merge can be explained and reversed. */
export const contactMerges = pgTable("contact_merges", {
  id: id(),
  userId: userId(),
  survivorId: uuid("survivor_id").notNull(),
  mergedId: uuid("merged_id").notNull(),
  snapshot: jsonb("snapshot").notNull(),
  createdAt: createdAt(),
});

/** Per-user CRM preferences (one row per user, created lazily with defaults). */
export const contactSettings = pgTable("contact_settings", {
  userId: userId().primaryKey(),
  /** "At Risk Client" is suggested after this many days without an interaction. */
  atRiskDays: integer("at_risk_days").notNull().default(45),
  /** Redact card numbers / IBANs from note bodies before storage by default. */
  redactNotes: boolean("redact_notes").notNull().default(false),
  starterTagsSeededAt: timestamp("starter_tags_seeded_at", { withTimezone: true }),
  updatedAt: updatedAt(),
});
