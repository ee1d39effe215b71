-- Intake forms (#20): the practitioner's forms (fields as jsonb), the links clients open
-- (signed tokens; only a hash of the key is stored), the submissions waiting for preview →
-- approve, and the immutable consent records a signed submission leaves.
CREATE TABLE "forms" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "name" text NOT NULL,
  "description" text,
  "template_key" text,
  "fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
  -- Bumped whenever the consent blocks' text changes; consent_sha256 is the hash of that text.
  "consent_version" integer DEFAULT 1 NOT NULL,
  "consent_sha256" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "forms_user_idx" ON "forms" ("user_id", "created_at");
--> statement-breakpoint

CREATE TABLE "form_links" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "form_id" uuid NOT NULL REFERENCES "forms"("id") ON DELETE CASCADE,
  -- null = the public link for new clients
  "contact_id" uuid REFERENCES "contacts"("id") ON DELETE CASCADE,
  "reusable" boolean DEFAULT false NOT NULL,
  "expires_at" timestamp with time zone,
  -- sha256 of the random key in the token; the token itself is never stored.
  "key_sha256" text NOT NULL,
  "use_count" integer DEFAULT 0 NOT NULL,
  "revoked_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "form_links_key_uq" ON "form_links" ("key_sha256");
--> statement-breakpoint
CREATE INDEX "form_links_form_idx" ON "form_links" ("form_id");
--> statement-breakpoint

CREATE TABLE "form_submissions" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "form_id" uuid REFERENCES "forms"("id") ON DELETE SET NULL,
  "link_id" uuid REFERENCES "form_links"("id") ON DELETE SET NULL,
  "form_name" text NOT NULL,
  -- The fields as the client saw them, so the preview reads the same after the form changes.
  "fields" jsonb NOT NULL,
  -- AES-GCM (purpose "health") JSON of the answers: they carry health history.
  "answers_enc" text NOT NULL,
  "submitter_name" text,
  "submitter_email" text,
  -- The link's contact; after approve, the contact the answers went to.
  "contact_id" uuid REFERENCES "contacts"("id") ON DELETE SET NULL,
  "status" text DEFAULT 'pending' NOT NULL,
  -- What approve wrote, so undo can revert exactly that.
  "applied" jsonb,
  "ip" text,
  "user_agent" text,
  "approved_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "form_submissions_status_ck" CHECK ("status" IN ('pending', 'approved'))
);
--> statement-breakpoint
CREATE INDEX "form_submissions_user_idx" ON "form_submissions" ("user_id", "status", "created_at");
--> statement-breakpoint
CREATE INDEX "form_submissions_contact_idx" ON "form_submissions" ("contact_id");
--> statement-breakpoint

-- Written once when the client signs; never updated. Which contact it belongs to follows
-- from its submission (set by approve, cleared by undo), so the record itself never changes.
CREATE TABLE "consent_records" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "submission_id" uuid NOT NULL REFERENCES "form_submissions"("id") ON DELETE CASCADE,
  "form_id" uuid,
  "form_name" text NOT NULL,
  "consent_text" text NOT NULL,
  "consent_version" integer NOT NULL,
  "text_sha256" text NOT NULL,
  "record_sha256" text NOT NULL,
  "signer_name" text NOT NULL,
  "signature_png" text,
  "signed_at" timestamp with time zone NOT NULL,
  "ip" text,
  "user_agent" text,
  -- The signed form as a PDF, AES-GCM encrypted (purpose "health"), base64 inside.
  "pdf_enc" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "consent_records_submission_uq" ON "consent_records" ("submission_id");
--> statement-breakpoint
CREATE INDEX "consent_records_user_idx" ON "consent_records" ("user_id", "signed_at");
--> statement-breakpoint

-- Immutability: no UPDATE ever; DELETE only as a cascade (account deletion, a purged
-- contact's submission), which runs inside the foreign key's own trigger (depth > 1).
CREATE OR REPLACE FUNCTION consent_records_immutable() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'consent records are immutable' USING ERRCODE = 'P0001';
END
$fn$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "consent_records_immutable" ON "consent_records";
--> statement-breakpoint
CREATE TRIGGER "consent_records_immutable" BEFORE UPDATE OR DELETE ON "consent_records"
  FOR EACH ROW EXECUTE FUNCTION consent_records_immutable();
--> statement-breakpoint

-- Re-consent reminders are tasks with source 'consent'; one per record and reason.
ALTER TABLE "tasks" DROP CONSTRAINT IF EXISTS "tasks_source_ck";
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_source_ck" CHECK ("source" IN ('manual', 'assistant', 'email', 'note', 'rhythm', 'consent'));
--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_consent_ref_uq" ON "tasks" ("user_id", "source_ref") WHERE "source" = 'consent';
--> statement-breakpoint

ALTER TABLE "forms" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "forms" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "form_links" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "form_links" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "form_submissions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "form_submissions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "consent_records" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "consent_records" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
SELECT omnicrm_apply_rls();
