ALTER TABLE "user_sync_prefs" ALTER COLUMN "gmail_query" SET DEFAULT '-in:chats -in:drafts newer_than:30d';--> statement-breakpoint
-- Users still on the old default get the new one (a query they edited is left alone).
UPDATE "user_sync_prefs" SET "gmail_query" = '-in:chats -in:drafts newer_than:30d' WHERE "gmail_query" = 'category:primary -in:chats -in:drafts newer_than:30d';
