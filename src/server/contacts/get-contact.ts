import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { decryptHealth } from "./health-context";
import { requireContact } from "./require-contact";
import { loadExtras, toDetail, type ContactDetail } from "./contact-dto";

/**
 * The full contact, including the decrypted health context (only this endpoint returns it).
 * Inside a caller's transaction (`{ ...ctx, tx }`) it sees that transaction's writes.
 */
export async function getContact(
  ctx: Ctx,
  input: { id: string; includeDeleted?: boolean },
): Promise<ContactDetail> {
  return withUser(ctx, async (tx) => {
    const row = await requireContact(tx, ctx.userId, input.id, {
      deleted: input.includeDeleted ? undefined : false,
    });
    const extras = await loadExtras(tx, ctx.userId, [input.id]);
    return toDetail(row, extras.get(input.id), decryptHealth(row.healthContextEnc));
  });
}
