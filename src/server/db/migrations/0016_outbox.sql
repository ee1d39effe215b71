-- Outbox: writing from OmniCRM through Gmail. Items wait for approval (draft → approved or
-- scheduled → sending → sent | failed, or cancelled); each carries an idempotency key and a
-- stable Message-ID so a send retried after a crash finds the copy Gmail already accepted.
CREATE TABLE "outbox_items" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "contact_id" uuid NOT NULL REFERENCES "contacts"("id") ON DELETE CASCADE,
  "status" text DEFAULT 'draft' NOT NULL,
  "origin" text DEFAULT 'compose' NOT NULL,
  "to_address" text NOT NULL,
  "cc" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "from_address" text,
  "subject" text NOT NULL,
  "body" text NOT NULL,
  "reply_to_interaction_id" uuid,
  "gmail_thread_id" text,
  "in_reply_to" text,
  "references" text,
  "template_id" uuid,
  "group_id" uuid,
  "send_at" timestamp with time zone,
  "idempotency_key" text NOT NULL,
  "message_id_header" text NOT NULL,
  "gmail_message_id" text,
  "send_attempts" integer DEFAULT 0 NOT NULL,
  "last_error" text,
  "approved_at" timestamp with time zone,
  "sent_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "outbox_items_status_ck" CHECK ("status" IN ('draft', 'approved', 'scheduled', 'sending', 'sent', 'failed', 'cancelled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_items_user_idem_uq" ON "outbox_items" ("user_id", "idempotency_key");
--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_items_message_id_uq" ON "outbox_items" ("message_id_header");
--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_items_user_gmail_uq" ON "outbox_items" ("user_id", "gmail_message_id") WHERE "gmail_message_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "outbox_items_user_status_idx" ON "outbox_items" ("user_id", "status", "created_at");
--> statement-breakpoint
CREATE INDEX "outbox_items_user_sent_idx" ON "outbox_items" ("user_id", "sent_at") WHERE "sent_at" IS NOT NULL;
--> statement-breakpoint

CREATE TABLE "outbox_attachments" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "item_id" uuid NOT NULL REFERENCES "outbox_items"("id") ON DELETE CASCADE,
  "filename" text NOT NULL,
  "content_type" text NOT NULL,
  "size_bytes" integer NOT NULL,
  "content_base64" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "outbox_attachments_item_idx" ON "outbox_attachments" ("item_id");
--> statement-breakpoint

-- Templates with {{merge fields}}; starter templates carry a key so seeding is idempotent.
CREATE TABLE "email_templates" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "starter_key" text,
  "name" text NOT NULL,
  "subject" text NOT NULL,
  "body" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "email_templates_user_starter_uq" ON "email_templates" ("user_id", "starter_key");
--> statement-breakpoint
CREATE INDEX "email_templates_user_name_idx" ON "email_templates" ("user_id", "name");
--> statement-breakpoint

-- Signature, daily cap and booking link used by outgoing mail (one row per user, lazily).
CREATE TABLE "outbox_settings" (
  "user_id" uuid PRIMARY KEY NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "signature" text DEFAULT '' NOT NULL,
  "daily_cap" integer,
  "booking_link" text DEFAULT '' NOT NULL,
  "templates_seeded_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint

-- "Do not email": a row means the contact must not be emailed (set by the user or by an
-- unsubscribe link).
CREATE TABLE "contact_email_optouts" (
  "contact_id" uuid PRIMARY KEY NOT NULL REFERENCES "contacts"("id") ON DELETE CASCADE,
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "reason" text NOT NULL,
  "source" text DEFAULT 'user' NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "contact_email_optouts_user_idx" ON "contact_email_optouts" ("user_id");
--> statement-breakpoint

-- The user's own addresses (primary, send-as aliases, every From of their SENT mail): the
-- importer never makes them contacts.
CREATE TABLE "user_email_identities" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "email" text NOT NULL,
  "source" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "user_email_identities_user_email_uq" ON "user_email_identities" ("user_id", "email");
--> statement-breakpoint

-- Row level security, forced for the table owner too. The policies (user_isolation on
-- NULLIF(current_setting('app.user_id', true), '')::uuid, system_access) and grants are
-- created by omnicrm_apply_rls(), which runs after every migration (rls.int.test.ts checks).
ALTER TABLE "outbox_items" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "outbox_items" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "outbox_attachments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "outbox_attachments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "email_templates" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "email_templates" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "outbox_settings" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "outbox_settings" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "contact_email_optouts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "contact_email_optouts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "user_email_identities" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "user_email_identities" FORCE ROW LEVEL SECURITY;
