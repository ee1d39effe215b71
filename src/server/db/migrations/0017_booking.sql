-- Online booking: the practitioner's public page settings and availability rules, their
-- services, the bookings clients make (and the time the practitioner blocks), and one row
-- per mail a booking sends (confirmation, reminders, …) so each goes out exactly once.
CREATE TABLE "booking_settings" (
  "user_id" uuid PRIMARY KEY NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "handle" text,
  "enabled" boolean DEFAULT false NOT NULL,
  "display_name" text,
  "time_zone" text,
  "weekly_hours" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "overrides" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "min_notice_minutes" integer DEFAULT 240 NOT NULL,
  "max_days_ahead" integer DEFAULT 60 NOT NULL,
  "slot_step_minutes" integer DEFAULT 30 NOT NULL,
  "daily_cap" integer,
  "cancel_window_minutes" integer DEFAULT 1440 NOT NULL,
  "reminder_minutes" integer[] DEFAULT '{1440,120}' NOT NULL,
  "busy_calendar_ids" text[] DEFAULT '{primary}' NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "booking_settings_handle_format" CHECK ("handle" IS NULL OR "handle" ~ '^[a-z0-9][a-z0-9-]{2,39}$')
);
--> statement-breakpoint
CREATE UNIQUE INDEX "booking_settings_handle_uq" ON "booking_settings" ("handle");
--> statement-breakpoint

CREATE TABLE "booking_services" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "name" text NOT NULL,
  "description" text,
  "duration_minutes" integer NOT NULL,
  "buffer_before_minutes" integer DEFAULT 0 NOT NULL,
  "buffer_after_minutes" integer DEFAULT 0 NOT NULL,
  "price_cents" integer,
  "currency" text,
  "location_type" text DEFAULT 'video' NOT NULL,
  "location" text,
  "color" text DEFAULT '#4F7A64' NOT NULL,
  "active" boolean DEFAULT true NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "booking_services_duration" CHECK ("duration_minutes" BETWEEN 5 AND 720),
  CONSTRAINT "booking_services_location_type" CHECK ("location_type" IN ('address', 'video', 'phone', 'none'))
);
--> statement-breakpoint
CREATE INDEX "booking_services_user_idx" ON "booking_services" ("user_id");
--> statement-breakpoint

CREATE TABLE "bookings" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "kind" text DEFAULT 'booking' NOT NULL,
  "status" text DEFAULT 'confirmed' NOT NULL,
  "service_id" uuid REFERENCES "booking_services"("id") ON DELETE SET NULL,
  "contact_id" uuid REFERENCES "contacts"("id") ON DELETE SET NULL,
  "interaction_id" uuid REFERENCES "interactions"("id") ON DELETE SET NULL,
  "title" text NOT NULL,
  "starts_at" timestamp with time zone NOT NULL,
  "ends_at" timestamp with time zone NOT NULL,
  -- The span the booking keeps free: its own time plus the service's buffers.
  "blocked_from" timestamp with time zone NOT NULL,
  "blocked_until" timestamp with time zone NOT NULL,
  "client_name" text,
  "client_email" text,
  "client_phone" text,
  "note" text,
  "location" text,
  "client_time_zone" text,
  "source" text DEFAULT 'public' NOT NULL,
  "google_event_id" text,
  "calendar_status" text DEFAULT 'pending' NOT NULL,
  "version" integer DEFAULT 1 NOT NULL,
  "cancelled_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "bookings_kind" CHECK ("kind" IN ('booking', 'block')),
  CONSTRAINT "bookings_status" CHECK ("status" IN ('confirmed', 'cancelled')),
  CONSTRAINT "bookings_times" CHECK ("ends_at" > "starts_at" AND "blocked_from" <= "starts_at" AND "blocked_until" >= "ends_at")
);
--> statement-breakpoint
CREATE INDEX "bookings_user_time_idx" ON "bookings" ("user_id", "blocked_from");
--> statement-breakpoint
CREATE INDEX "bookings_contact_idx" ON "bookings" ("contact_id");
--> statement-breakpoint

-- Two confirmed bookings of one practitioner never overlap. Where btree_gist exists this is
-- an exclusion constraint; createBooking also takes a per-practitioner advisory lock and
-- checks for overlap in the same transaction, which is the guarantee where it does not.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'btree_gist') THEN
    CREATE EXTENSION IF NOT EXISTS btree_gist;
    ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist (
      "user_id" WITH =,
      tstzrange("blocked_from", "blocked_until", '[)') WITH &&
    ) WHERE ("status" = 'confirmed');
  END IF;
END $$;
--> statement-breakpoint

CREATE TABLE "booking_messages" (
  "user_id" uuid NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "booking_id" uuid NOT NULL REFERENCES "bookings"("id") ON DELETE CASCADE,
  -- confirmation, rescheduled, cancelled, reminder:<minutes>
  "kind" text NOT NULL,
  -- Which version of the booking (each reschedule is a new one) the mail is about.
  "version" integer NOT NULL,
  "message_id" text NOT NULL,
  -- The job holding the claim; claimed_at is its lease, renewed while the mail is being sent.
  "job_id" text,
  "claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
  "sent_at" timestamp with time zone,
  PRIMARY KEY ("booking_id", "kind", "version")
);
--> statement-breakpoint
CREATE INDEX "booking_messages_user_idx" ON "booking_messages" ("user_id");
