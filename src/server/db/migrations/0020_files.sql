-- Client files (#20): PDFs and images the practitioner uploads to a contact, and the signed
-- consent PDFs the forms flow stores. The bytes live in the object store (disk or S3, like
-- avatars) under `storage_key`; this row is the only way to reach them.
CREATE TABLE "client_files" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "contact_id" uuid NOT NULL REFERENCES "contacts"("id") ON DELETE CASCADE,
  "file_name" text NOT NULL,
  -- Sniffed from the content's magic bytes, never the uploader's claim.
  "mime_type" text NOT NULL,
  "size_bytes" integer NOT NULL,
  "sha256" text NOT NULL,
  "storage_key" text NOT NULL,
  "source" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "client_files_source" CHECK ("source" IN ('upload', 'consent')),
  CONSTRAINT "client_files_size" CHECK ("size_bytes" > 0 AND "size_bytes" <= 20971520),
  CONSTRAINT "client_files_mime" CHECK ("mime_type" IN ('application/pdf', 'image/png', 'image/jpeg', 'image/webp', 'image/heic'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "client_files_storage_key_uq" ON "client_files" ("storage_key");
--> statement-breakpoint
CREATE INDEX "client_files_contact_idx" ON "client_files" ("user_id", "contact_id", "created_at");
--> statement-breakpoint

-- Row level security, forced for the table owner too. The policies (user_isolation on
-- NULLIF(current_setting('app.user_id', true), '')::uuid, system_access) and grants are
-- created by omnicrm_apply_rls(), which runs after every migration (rls.int.test.ts checks).
ALTER TABLE "client_files" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "client_files" FORCE ROW LEVEL SECURITY;
