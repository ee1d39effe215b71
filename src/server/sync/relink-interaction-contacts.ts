import { sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { pgArray } from "../db/pg-array";
import { withUser, type Tx } from "../db/with-user";
import { linkParticipants } from "./resolve-contacts";

/**
 * The resolve_contacts job: re-links interactions to contacts by participant email (e.g.
 * after a contact gained an email). Given ids, only those interactions; otherwise every
 * Gmail and Calendar interaction of the user.
 */
export async function relinkInteractionContacts(
  ctx: Ctx,
  input: { interactionIds?: string[] | undefined },
): Promise<void> {
  await withUser(ctx, async (tx) => {
    if (input.interactionIds?.length) {
      const r = await tx.execute<{ source: string; source_id: string }>(
        sql`SELECT source, source_id FROM interactions WHERE user_id = ${ctx.userId} AND id = ANY(${pgArray(input.interactionIds, "uuid")})`,
      );
      const bySource = new Map<string, string[]>();
      for (const row of r.rows)
        bySource.set(row.source, [...(bySource.get(row.source) ?? []), row.source_id]);
      for (const [source, sourceIds] of bySource)
        await linkParticipants(tx, ctx.userId, { source, sourceIds });
    } else {
      for (const source of ["gmail", "calendar"]) await linkAll(tx, ctx.userId, source);
    }
  });
}

async function linkAll(tx: Tx, userId: string, source: string): Promise<void> {
  const r = await tx.execute<{ source_id: string }>(
    sql`SELECT source_id FROM interactions WHERE user_id = ${userId} AND source = ${source}`,
  );
  const ids = r.rows.map((x) => x.source_id);
  for (let i = 0; i < ids.length; i += 1000)
    await linkParticipants(tx, userId, { source, sourceIds: ids.slice(i, i + 1000) });
}
