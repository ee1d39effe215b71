CREATE TABLE "google_push_channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"service" text NOT NULL,
	"channel_id" text,
	"resource_id" text,
	"token_sha256" text,
	"resource" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "google_push_channels" ADD CONSTRAINT "google_push_channels_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "google_push_channels_user_service_uq" ON "google_push_channels" USING btree ("user_id","service");--> statement-breakpoint
CREATE UNIQUE INDEX "google_push_channels_channel_uq" ON "google_push_channels" USING btree ("channel_id");--> statement-breakpoint
CREATE INDEX "google_push_channels_expires_idx" ON "google_push_channels" USING btree ("expires_at");