import { pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, updatedAt, userId } from "./columns";

/** Per-user profile (one row per user, created lazily with defaults). */
export const userProfiles = pgTable("user_profiles", {
  userId: userId().primaryKey(),
  /** IANA zone (e.g. "Europe/London"): rhythms, due dates, digests and slots are computed in it. */
  timeZone: text("time_zone").notNull().default("UTC"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
