CREATE TABLE "contact_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"at_risk_days" integer DEFAULT 45 NOT NULL,
	"redact_notes" boolean DEFAULT false NOT NULL,
	"starter_tags_seeded_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_settings" ADD CONSTRAINT "contact_settings_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_user_stage_idx" ON "contacts" USING btree ("user_id","stage");--> statement-breakpoint
-- search_text is kept current by triggers rather than application code, so every writer
-- (manual edits, CSV/Google imports, merges) keeps contacts searchable without coordination.
CREATE OR REPLACE FUNCTION omnicrm_contact_search_text(p_contact uuid, p_name text) RETURNS text
LANGUAGE sql STABLE AS $fn$
  SELECT lower(coalesce(p_name, '')) || coalesce((
    SELECT ' ' || string_agg(
      CASE WHEN i.kind = 'phone' THEN lower(i.value) || ' ' || i.value_normalized ELSE i.value_normalized END,
      ' ' ORDER BY i.is_primary DESC, i.created_at)
    FROM contact_identities i WHERE i.contact_id = p_contact), '')
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION omnicrm_contacts_search_trg() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.search_text := omnicrm_contact_search_text(NEW.id, NEW.display_name);
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER contacts_search_text_trg BEFORE INSERT OR UPDATE OF display_name ON contacts
  FOR EACH ROW EXECUTE FUNCTION omnicrm_contacts_search_trg();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION omnicrm_identities_search_trg() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE contacts SET search_text = omnicrm_contact_search_text(id, display_name) WHERE id = OLD.contact_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.contact_id <> OLD.contact_id OR NEW.value <> OLD.value) THEN
    UPDATE contacts SET search_text = omnicrm_contact_search_text(id, display_name) WHERE id = NEW.contact_id;
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER contact_identities_search_trg AFTER INSERT OR UPDATE OR DELETE ON contact_identities
  FOR EACH ROW EXECUTE FUNCTION omnicrm_identities_search_trg();
--> statement-breakpoint
CREATE INDEX contacts_search_trgm_idx ON contacts USING gin (search_text gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX contacts_search_fts_idx ON contacts USING gin (to_tsvector('simple', search_text));
--> statement-breakpoint
CREATE INDEX contacts_name_trgm_idx ON contacts USING gin (lower(display_name) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX contacts_user_lname_idx ON contacts (user_id, lower(display_name), id);
--> statement-breakpoint
CREATE INDEX notes_body_fts_idx ON notes USING gin (to_tsvector('simple', body));
--> statement-breakpoint
CREATE INDEX interactions_subject_fts_idx ON interactions USING gin (to_tsvector('simple', coalesce(subject, '')));
--> statement-breakpoint
-- Participants (lower-cased emails in metadata.participants) re-link past interactions
-- when a contact's emails change.
CREATE INDEX interactions_participants_idx ON interactions USING gin ((metadata -> 'participants'));
