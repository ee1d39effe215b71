import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import { toolInvocations } from "../../db/schema/ai";
import { withUser, type Tx } from "../../db/with-user";
import { AppError } from "../../errors";
import { createNote } from "../../notes/create-note";
import { createOutboxItem } from "../../outbox/create-outbox-item";
import { getUserTimeZone } from "../../profile/get-user-time-zone";
import { createTask } from "../../tasks/create-task";
import { dueSchema } from "../../tasks/due";
import { parseQuickAdd } from "../../tasks/parse-quick-add";
import { proposeTaskArgs } from "../tools/task-tools";

type NoteArgs = { contactId: string; body: string };
type EmailArgs = { contactId: string; subject: string; body: string };
type ProposalResult = {
  applied: string;
  noteId?: string;
  outboxItemId?: string;
  taskId?: string;
  contactId?: string;
  contactIds?: string[];
};

/**
 * Applies a proposal the user confirmed — the only path by which an assistant suggestion
 * becomes data. The status flip (proposed → applied) and the write share one transaction
 * and the flip is conditional, so a double click applies once and a rejected proposal
 * never applies. A proposed task becomes a task. (Emails are no longer proposals: the
 * draft_email tool puts a draft in the Outbox. A propose_follow_up_email recorded before
 * that becomes an Outbox draft too.)
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
    const result: ProposalResult =
      p.tool === "propose_task"
        ? await applyTask({ ...ctx, tx }, p.id, p.args)
        : await applyNote({ ...ctx, tx }, p.id, p.tool, p.args);
    await tx.update(toolInvocations).set({ result }).where(eq(toolInvocations.id, p.id));
    ctx.log.info({ proposalId: p.id, tool: p.tool }, "assistant proposal applied");
    return { id: p.id, status: "applied" as const, result };
  });
}

async function applyNote(
  ctx: Ctx & { tx: Tx },
  proposalId: string,
  tool: string,
  args: unknown,
): Promise<ProposalResult> {
  const contact = await ctx.tx.execute<{ id: string }>(sql`
    SELECT id FROM contacts WHERE id = ${(args as NoteArgs).contactId} AND user_id = ${ctx.userId} AND deleted_at IS NULL`);
  const contactId = contact.rows[0]?.id;
  if (!contactId) throw new AppError("not_found", "contact no longer exists");
  if (tool === "propose_follow_up_email") {
    const a = args as EmailArgs;
    const draft = await createOutboxItem(
      ctx,
      { contactId, subject: a.subject, body: a.body },
      { origin: "assistant", idempotencyKey: `proposal:${proposalId}` },
    );
    return { applied: tool, outboxItemId: draft.id, contactId };
  }
  if (tool !== "propose_note") throw new AppError("conflict", "not a proposal");
  // The notes domain's own create (validation, redaction setting, embedding), in this
  // transaction so the note and the status flip commit together.
  const note = await createNote(ctx, { contactId, body: (args as NoteArgs).body });
  return { applied: tool, noteId: note.id, contactId };
}

/**
 * A task the assistant proposed, created by the tasks domain's own create (source
 * "assistant"). A due in words ("tomorrow 9am") is read in the user's zone, as quick add does.
 */
async function applyTask(ctx: Ctx & { tx: Tx }, proposalId: string, raw: unknown): Promise<ProposalResult> {
  const a = proposeTaskArgs.parse(raw);
  const exact = a.due === undefined || dueSchema.safeParse(a.due).success;
  const storedDue = exact ? undefined : parseQuickAdd(a.due!, await getUserTimeZone(ctx)).due;
  const task = await createTask(
    ctx,
    {
      title: a.title,
      notes: a.notes ?? null,
      contactIds: a.contactIds,
      priority: a.priority,
      due: exact ? (a.due ?? null) : undefined,
    },
    { source: "assistant", sourceRef: `proposal:${proposalId}`, storedDue },
  );
  return { applied: "propose_task", taskId: task.id, contactIds: task.contactIds };
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
