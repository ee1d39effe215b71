import { and, eq, gt, inArray } from "drizzle-orm";
import { isAiConfigured } from "../ai/provider";
import { interactions } from "../db/schema/interactions";
import { withUser } from "../db/with-user";
import { enqueueMany, type EnqueueTarget } from "../jobs/enqueue";
import { PROMISE_LOOKBACK_DAYS } from "./schemas";

const PER_JOB = 20;

/**
 * Queues `scan_promises` for new or edited writing of the user's own: notes, and among
 * imported interactions only recent outgoing emails (so importing years of mail queues
 * nothing for the old part). Nothing at all without an AI provider. With `target.tx` the
 * jobs commit with the caller's writes.
 */
export async function enqueuePromiseScans(
  target: EnqueueTarget,
  ownerType: "interaction" | "note",
  ids: string[],
  opts: { batchId?: string | null } = {},
): Promise<number> {
  if (!ids.length || !isAiConfigured()) return 0;
  let owners = [...new Set(ids)];
  if (ownerType === "interaction") {
    const since = new Date(Date.now() - PROMISE_LOOKBACK_DAYS * 86_400_000);
    owners = (
      await withUser(target, (tx) =>
        tx
          .select({ id: interactions.id })
          .from(interactions)
          .where(
            and(
              eq(interactions.userId, target.userId),
              inArray(interactions.id, owners),
              eq(interactions.type, "email"),
              eq(interactions.direction, "outbound"),
              gt(interactions.occurredAt, since),
            ),
          ),
      )
    ).map((r) => r.id);
  }
  if (!owners.length) return 0;
  const items = [];
  for (let i = 0; i < owners.length; i += PER_JOB)
    items.push({
      kind: "scan_promises" as const,
      payload: { ownerType, ownerIds: owners.slice(i, i + PER_JOB) },
      batchId: opts.batchId ?? null,
    });
  return (await enqueueMany(target, items)).length;
}
