import { bigint, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, userId } from "./columns";

/**
 * Google push registrations: one Calendar `events.watch` channel or one Gmail
 * `users.watch` per user and service. Calendar notifications carry our channel id and a
 * random token; only its SHA-256 is stored, compared in constant time on every call.
 */
export const googlePushChannels = pgTable(
  "google_push_channels",
  {
    id: id(),
    userId: userId(),
    service: text("service").$type<"gmail" | "calendar">().notNull(),
    /** Calendar: the channel id we chose (X-Goog-Channel-ID). Gmail: null. */
    channelId: text("channel_id"),
    /** Calendar: Google's resourceId, needed by channels.stop. */
    resourceId: text("resource_id"),
    /** Calendar: hex SHA-256 of the channel token (X-Goog-Channel-Token). */
    tokenSha256: text("token_sha256"),
    /** Calendar id ("primary") or the Gmail mailbox address. */
    resource: text("resource").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Highest X-Goog-Message-Number (Calendar) or historyId (Gmail) seen: replays are ignored. */
    lastSeen: bigint("last_seen", { mode: "number" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("google_push_channels_user_service_uq").on(t.userId, t.service),
    uniqueIndex("google_push_channels_channel_uq").on(t.channelId),
    index("google_push_channels_expires_idx").on(t.expiresAt),
  ],
);
