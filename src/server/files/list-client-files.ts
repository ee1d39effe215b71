import { and, desc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { clientFiles } from "../db/schema/files";
import { requireContact } from "../contacts/require-contact";
import { toClientFileDto, type ClientFileDto } from "./client-file-view";

/** A contact's files, newest first (a client has tens, not thousands: no paging). */
export async function listClientFiles(
  ctx: Ctx,
  input: { contactId: string },
): Promise<{ items: ClientFileDto[] }> {
  return withUser(ctx, async (tx) => {
    await requireContact(tx, ctx.userId, input.contactId);
    const rows = await tx
      .select()
      .from(clientFiles)
      .where(and(eq(clientFiles.userId, ctx.userId), eq(clientFiles.contactId, input.contactId)))
      .orderBy(desc(clientFiles.createdAt), desc(clientFiles.id))
      .limit(500);
    return { items: rows.map(toClientFileDto) };
  });
}
