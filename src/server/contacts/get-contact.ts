import type { Ctx } from "../context";
import { withUser, type Tx } from "../db/with-user";
import { decryptHealth, requireContact } from "./contact-helpers";
import { loadExtras, toDetail, type ContactDetail } from "./contact-dto";

export async function getContactInTx(
  tx: Tx,
  userId: string,
  id: string,
  opts: { includeDeleted?: boolean } = {},
): Promise<ContactDetail> {
  const row = await requireContact(tx, userId, id, { deleted: opts.includeDeleted ? undefined : false });
  const extras = await loadExtras(tx, userId, [id]);
  return toDetail(row, extras.get(id), decryptHealth(row.healthContextEnc));
}

/** The full contact, including the decrypted health context (only this endpoint returns it). */
export async function getContact(
  ctx: Ctx,
  input: { id: string; includeDeleted?: boolean },
): Promise<ContactDetail> {
  return withUser(ctx.db, ctx.userId, (tx) => getContactInTx(tx, ctx.userId, input.id, input));
}
