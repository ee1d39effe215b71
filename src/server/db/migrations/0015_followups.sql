-- Follow-ups (issue #17): tasks, keep-in-touch rhythms, the morning digest and the calendar
-- feed. Every table carries user_id (forced RLS is applied after every migration).

-- Tasks. A due is either a local date (due_on only) or an instant (due_at, with due_on its
-- local date in the user's zone when written). sort_key is the local "YYYY-MM-DD" or
-- "YYYY-MM-DDTHH:MM" (date-only sorts first on its day): one text key for keyset pages.
CREATE TABLE "tasks" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "title" text NOT NULL,
  "notes" text,
  "due_on" date,
  "due_at" timestamp with time zone,
  "sort_key" text,
  "status" text DEFAULT 'open' NOT NULL,
  "snoozed_until" timestamp with time zone,
  "priority" text DEFAULT 'normal' NOT NULL,
  "source" text DEFAULT 'manual' NOT NULL,
  "source_ref" text,
  "rrule" text,
  "series_id" uuid,
  "completed_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "tasks_status_ck" CHECK ("status" IN ('open', 'done', 'snoozed')),
  CONSTRAINT "tasks_priority_ck" CHECK ("priority" IN ('low', 'normal', 'high')),
  CONSTRAINT "tasks_source_ck" CHECK ("source" IN ('manual', 'assistant', 'email', 'note', 'rhythm'))
);
--> statement-breakpoint
CREATE INDEX "tasks_user_sort_idx" ON "tasks" ("user_id", "sort_key", "id");
--> statement-breakpoint
CREATE INDEX "tasks_user_open_sort_idx" ON "tasks" ("user_id", "sort_key") WHERE "status" <> 'done';
--> statement-breakpoint
-- A recurring task completed twice (double click, retried request) yields one next occurrence.
CREATE UNIQUE INDEX "tasks_series_due_uq" ON "tasks" ("series_id", "sort_key") WHERE "series_id" IS NOT NULL;
--> statement-breakpoint
CREATE TABLE "task_contacts" (
  "task_id" uuid NOT NULL REFERENCES "tasks"("id") ON DELETE CASCADE,
  "contact_id" uuid NOT NULL REFERENCES "contacts"("id") ON DELETE CASCADE,
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  PRIMARY KEY ("task_id", "contact_id")
);
--> statement-breakpoint
CREATE INDEX "task_contacts_contact_idx" ON "task_contacts" ("contact_id");
--> statement-breakpoint
-- Per-contact rhythm override (every_days 0 = never remind) and snooze.
CREATE TABLE "contact_rhythms" (
  "contact_id" uuid PRIMARY KEY NOT NULL REFERENCES "contacts"("id") ON DELETE CASCADE,
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "every_days" integer,
  "snoozed_until" timestamp with time zone,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "contact_rhythms_user_idx" ON "contact_rhythms" ("user_id");
--> statement-breakpoint
-- Defaults per lifecycle stage (stage set) or per tag (tag_id set).
CREATE TABLE "rhythm_defaults" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "stage" text,
  "tag_id" uuid REFERENCES "tags"("id") ON DELETE CASCADE,
  "every_days" integer NOT NULL,
  CONSTRAINT "rhythm_defaults_one_key_ck" CHECK (("stage" IS NULL) <> ("tag_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "rhythm_defaults_user_stage_uq" ON "rhythm_defaults" ("user_id", "stage") WHERE "stage" IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "rhythm_defaults_user_tag_uq" ON "rhythm_defaults" ("user_id", "tag_id") WHERE "tag_id" IS NOT NULL;
--> statement-breakpoint
-- Follow-up preferences (one row per user, created lazily with defaults).
CREATE TABLE "followup_settings" (
  "user_id" uuid PRIMARY KEY NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "at_risk_margin_days" integer DEFAULT 14 NOT NULL,
  "birthdays_ahead_days" integer DEFAULT 14 NOT NULL,
  "digest_enabled" boolean DEFAULT false NOT NULL,
  "digest_hour" integer DEFAULT 7 NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- One digest per user per local date: the row is claimed before the mail is sent.
CREATE TABLE "digest_sends" (
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "local_date" date NOT NULL,
  "status" text DEFAULT 'sending' NOT NULL,
  "message_id" text NOT NULL,
  "claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
  -- The job run that holds the claim: a later attempt of the same job may take it over at
  -- once (the queue only re-delivers a job whose previous run died or timed out).
  "claim_job_id" text,
  "claim_attempt" integer,
  "sent_at" timestamp with time zone,
  PRIMARY KEY ("user_id", "local_date")
);
--> statement-breakpoint
-- The secret calendar feed: only a SHA-256 of the token is stored; rotating replaces it.
CREATE TABLE "calendar_feeds" (
  "user_id" uuid PRIMARY KEY NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "token_sha256" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_uq" ON "calendar_feeds" ("token_sha256");
--> statement-breakpoint
-- Due contacts: per stage, oldest last interaction first, live contacts only.
CREATE INDEX "contacts_user_stage_last_idx" ON "contacts" ("user_id", "stage", "last_interaction_at") WHERE "deleted_at" IS NULL;
--> statement-breakpoint
CREATE INDEX "contacts_user_birthday_idx" ON "contacts" ("user_id") WHERE "birthday" IS NOT NULL AND "deleted_at" IS NULL;
--> statement-breakpoint
-- Today's sessions and client anniversaries (first session) read sessions only.
CREATE INDEX "interactions_user_sessions_idx" ON "interactions" ("user_id", "occurred_at") WHERE "type" IN ('session', 'meeting');
--> statement-breakpoint
-- Promises found in the user's own mail and notes (AI, opt-in by configuring a provider):
-- suggested tasks the user accepts (→ a task with source email/note) or dismisses. One row
-- per (source, normalised title): a re-scan or a re-delivered job adds nothing.
CREATE TABLE "task_suggestions" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "source" text NOT NULL,
  "source_ref" text NOT NULL,
  "contact_id" uuid REFERENCES "contacts"("id") ON DELETE CASCADE,
  "title" text NOT NULL,
  "title_key" text NOT NULL,
  "quote" text,
  "due_on" date,
  "due_at" timestamp with time zone,
  "sort_key" text,
  "status" text DEFAULT 'suggested' NOT NULL,
  "task_id" uuid REFERENCES "tasks"("id") ON DELETE SET NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "task_suggestions_source_ck" CHECK ("source" IN ('email', 'note')),
  CONSTRAINT "task_suggestions_status_ck" CHECK ("status" IN ('suggested', 'accepted', 'dismissed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "task_suggestions_dedupe_uq" ON "task_suggestions" ("user_id", "source_ref", "title_key");
--> statement-breakpoint
CREATE INDEX "task_suggestions_user_open_idx" ON "task_suggestions" ("user_id", "created_at") WHERE "status" = 'suggested';
--> statement-breakpoint
-- Which mail and notes were already scanned (and the text's hash): an unchanged text is never
-- sent to the model twice.
CREATE TABLE "promise_scans" (
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "owner_ref" text NOT NULL,
  "text_sha256" text NOT NULL,
  "found" integer DEFAULT 0 NOT NULL,
  "scanned_at" timestamp with time zone DEFAULT now() NOT NULL,
  PRIMARY KEY ("user_id", "owner_ref")
);
--> statement-breakpoint
-- Forced row-level security on every table above (omnicrm_apply_rls() re-checks after each
-- migration run and finds these complete): a user sees only their own rows, the system role
-- (schedulers, the feed's token lookup) everything.
DO $rls$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tasks', 'task_contacts', 'contact_rhythms', 'rhythm_defaults',
    'followup_settings', 'digest_sends', 'calendar_feeds', 'task_suggestions', 'promise_scans']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('DROP POLICY IF EXISTS user_isolation ON %I', t);
    EXECUTE format(
      'CREATE POLICY user_isolation ON %I TO omnicrm_app '
      'USING (user_id = NULLIF(current_setting(''app.user_id'', true), '''')::uuid) '
      'WITH CHECK (user_id = NULLIF(current_setting(''app.user_id'', true), '''')::uuid)', t);
    EXECUTE format('DROP POLICY IF EXISTS system_access ON %I', t);
    EXECUTE format('CREATE POLICY system_access ON %I TO omnicrm_system USING (true) WITH CHECK (true)', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO omnicrm_app, omnicrm_system', t);
  END LOOP;
END
$rls$;
