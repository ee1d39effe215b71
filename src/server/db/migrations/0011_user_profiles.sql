-- Per-user profile: the IANA time zone every rhythm, due date, digest, reminder and booking
-- slot is computed in (instants are stored in UTC). One row per user, created lazily.
CREATE TABLE "user_profiles" (
  "user_id" uuid PRIMARY KEY NOT NULL REFERENCES "auth_users"("id") ON DELETE CASCADE,
  "time_zone" text DEFAULT 'UTC' NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
