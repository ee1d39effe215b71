import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import { toolInvocations } from "../../db/schema/ai";
import { withUser, type Tx } from "../../db/with-user";
import { AppError } from "../../errors";
import { createNote } from "../../notes/create-note";
import { createOutboxItem } from "../../outbox/create-outbox-item";

type NoteArgs = { contactId: string; body: string };
type EmailArgs = { contactId: string; subject: string; body: string };
type Applied = { applied: string; contactId: string; noteId?: string; outboxItemId?: string };

/**
 * Applies a proposal the user confirmed — the only path by which an assistant suggestion
 * becomes data. The status flip (proposed → applied) and the write share one transaction
 * and the flip is conditional, so a double click applies once and a rejected proposal
 * never applies. (Emails are no longer proposals: the draft_email tool puts a draft in the
 * Outbox. A propose_follow_up_email recorded before that becomes an Outbox draft too.)
 */
export async function confirmProposal(ctx: Ctx, id: string) {
  return withUser(ctx, async (tx) => {
    const [p] = await tx
      .update(toolInvocations)
      .set({ status: "applied" })
      .where(
        and(
          eq(toolInvocations.id, id),
          eq(toolInvocations.userId, ctx.userId),
          eq(toolInvocations.status, "proposed"),
        ),
      )
      .returning();
    if (!p) throw await missingOrSettled(tx, ctx.userId, id);
    const contact = await tx.execute<{ id: string }>(sql`
      SELECT id FROM contacts WHERE id = ${(p.args as NoteArgs).contactId} AND user_id = ${ctx.userId} AND deleted_at IS NULL`);
    if (!contact.rows[0]) throw new AppError("not_found", "contact no longer exists");
    if (p.tool === "propose_follow_up_email") {
      const a = p.args as EmailArgs;
      const draft = await createOutboxItem(
        { ...ctx, tx },
        { contactId: contact.rows[0].id, subject: a.subject, body: a.body },
        { origin: "assistant", idempotencyKey: `proposal:${p.id}` },
      );
      const result: Applied = { applied: p.tool, outboxItemId: draft.id, contactId: contact.rows[0].id };
      await tx.update(toolInvocations).set({ result }).where(eq(toolInvocations.id, p.id));
      return { id: p.id, status: "applied" as const, result };
    }
    if (p.tool !== "propose_note") throw new AppError("conflict", "not a proposal");
    const body = (p.args as NoteArgs).body;
    // The notes domain's own create (validation, redaction setting, embedding), in this
    // transaction so the note and the status flip commit together.
    const note = await createNote({ ...ctx, tx }, { contactId: contact.rows[0].id, body });
    const result: Applied = { applied: p.tool, noteId: note.id, contactId: contact.rows[0].id };
    await tx.update(toolInvocations).set({ result }).where(eq(toolInvocations.id, p.id));
    ctx.log.info({ proposalId: p.id, tool: p.tool }, "assistant proposal applied");
    return { id: p.id, status: "applied" as const, result };
  });
}

export async function rejectProposal(ctx: Ctx, id: string) {
  return withUser(ctx, async (tx) => {
    const [p] = await tx
      .update(toolInvocations)
      .set({ status: "rejected" })
      .where(
        and(
          eq(toolInvocations.id, id),
          eq(toolInvocations.userId, ctx.userId),
          eq(toolInvocations.status, "proposed"),
        ),
      )
      .returning({ id: toolInvocations.id });
    if (!p) throw await missingOrSettled(tx, ctx.userId, id);
    return { id: p.id, status: "rejected" as const };
  });
}

async function missingOrSettled(tx: Tx, userId: string, id: string): Promise<AppError> {
  const [row] = await tx
    .select({ status: toolInvocations.status })
    .from(toolInvocations)
    .where(and(eq(toolInvocations.id, id), eq(toolInvocations.userId, userId)));
  return row
    ? new AppError("conflict", `proposal already ${row.status}`)
    : new AppError("not_found", "proposal not found");
}
