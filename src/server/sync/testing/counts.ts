import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { withUser } from "../../db/with-user";

export type Counts = { interactions: number; contacts: number; links: number; raw: number };

/** Row counts a user would notice (timeline items, contacts, links, stored raw events). */
export async function countsFor(
  db: Db,
  userId: string,
  source: "gmail" | "calendar" = "gmail",
): Promise<Counts> {
  return withUser({ db, userId }, async (tx) => {
    const r = await tx.execute<Counts>(sql`SELECT
      (SELECT count(*)::int FROM interactions WHERE user_id = ${userId} AND source = ${source}) interactions,
      (SELECT count(*)::int FROM contacts WHERE user_id = ${userId}) contacts,
      (SELECT count(*)::int FROM interaction_contacts WHERE user_id = ${userId}) links,
      (SELECT count(*)::int FROM raw_events WHERE user_id = ${userId} AND provider = ${source}) raw`);
    return r.rows[0]!;
  });
}
