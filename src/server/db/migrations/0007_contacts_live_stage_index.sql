DROP INDEX "contacts_user_stage_idx";--> statement-breakpoint
CREATE INDEX "contacts_user_live_stage_idx" ON "contacts" USING btree ("user_id","stage") WHERE deleted_at IS NULL;