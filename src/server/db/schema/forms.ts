import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, userId } from "./columns";
import { contacts } from "./contacts";

/** The fields jsonb holds the form domain's FormField[] (forms/schemas.ts); typed loosely here. */
type StoredField = { id: string; type: string } & Record<string, unknown>;

/** Intake forms (migration 0019). */
export const forms = pgTable(
  "forms",
  {
    id: id(),
    userId: userId(),
    name: text("name").notNull(),
    description: text("description"),
    templateKey: text("template_key"),
    fields: jsonb("fields").$type<StoredField[]>().notNull().default([]),
    consentVersion: integer("consent_version").notNull().default(1),
    consentSha256: text("consent_sha256"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("forms_user_idx").on(t.userId, t.createdAt)],
);

/** A link a client opens: the token carries a random key whose sha256 is stored here. */
export const formLinks = pgTable(
  "form_links",
  {
    id: id(),
    userId: userId(),
    formId: uuid("form_id")
      .notNull()
      .references(() => forms.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "cascade" }),
    reusable: boolean("reusable").notNull().default(false),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    keySha256: text("key_sha256").notNull(),
    useCount: integer("use_count").notNull().default(0),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("form_links_key_uq").on(t.keySha256), index("form_links_form_idx").on(t.formId)],
);

export type SubmissionStatus = "pending" | "approved";

export const formSubmissions = pgTable(
  "form_submissions",
  {
    id: id(),
    userId: userId(),
    formId: uuid("form_id").references(() => forms.id, { onDelete: "set null" }),
    linkId: uuid("link_id").references(() => formLinks.id, { onDelete: "set null" }),
    formName: text("form_name").notNull(),
    fields: jsonb("fields").$type<StoredField[]>().notNull(),
    answersEnc: text("answers_enc").notNull(),
    submitterName: text("submitter_name"),
    submitterEmail: text("submitter_email"),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    status: text("status").$type<SubmissionStatus>().notNull().default("pending"),
    applied: jsonb("applied").$type<Record<string, unknown>>(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("form_submissions_user_idx").on(t.userId, t.status, t.createdAt),
    index("form_submissions_contact_idx").on(t.contactId),
  ],
);

/** Immutable (a trigger refuses UPDATE and any DELETE but a cascade). */
export const consentRecords = pgTable(
  "consent_records",
  {
    id: id(),
    userId: userId(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => formSubmissions.id, { onDelete: "cascade" }),
    formId: uuid("form_id"),
    formName: text("form_name").notNull(),
    consentText: text("consent_text").notNull(),
    consentVersion: integer("consent_version").notNull(),
    textSha256: text("text_sha256").notNull(),
    recordSha256: text("record_sha256").notNull(),
    signerName: text("signer_name").notNull(),
    signaturePng: text("signature_png"),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    pdfEnc: text("pdf_enc"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("consent_records_submission_uq").on(t.submissionId),
    index("consent_records_user_idx").on(t.userId, t.signedAt),
  ],
);
