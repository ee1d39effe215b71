-- Stage history: one row whenever a contact gets a stage (created, or the stage changed), so
-- the dashboard can chart clients by stage over time. A trigger records it, so every path
-- that changes a stage (edit, bulk, at-risk apply, imports, merges) is covered without each
-- remembering to. Contacts that existed before this migration start with their current stage
-- at their creation time (the best that is known about them).
CREATE TABLE "contact_stage_history" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "contact_id" uuid NOT NULL REFERENCES "contacts"("id") ON DELETE CASCADE,
  "stage" text NOT NULL,
  "changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "contact_stage_history_contact_idx" ON "contact_stage_history" ("contact_id", "changed_at");
--> statement-breakpoint
CREATE INDEX "contact_stage_history_user_idx" ON "contact_stage_history" ("user_id");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION omnicrm_record_contact_stage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO contact_stage_history (user_id, contact_id, stage, changed_at)
    VALUES (NEW.user_id, NEW.id, NEW.stage, NEW.created_at);
  ELSIF NEW.stage IS DISTINCT FROM OLD.stage THEN
    INSERT INTO contact_stage_history (user_id, contact_id, stage, changed_at)
    VALUES (NEW.user_id, NEW.id, NEW.stage, now());
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER contacts_stage_history AFTER INSERT OR UPDATE OF stage ON contacts
  FOR EACH ROW EXECUTE FUNCTION omnicrm_record_contact_stage();
--> statement-breakpoint
INSERT INTO contact_stage_history (user_id, contact_id, stage, changed_at)
SELECT user_id, id, stage, created_at FROM contacts;
--> statement-breakpoint
-- Search finds interactions by their body too (email text, logged session notes), not only
-- the subject. The first 20,000 characters are indexed: the expression must match
-- INTERACTION_BODY_TSV in search/candidate-ids.ts.
CREATE INDEX IF NOT EXISTS "interactions_body_fts_idx" ON "interactions"
  USING gin (to_tsvector('simple', left(coalesce("body", ''), 20000)));
