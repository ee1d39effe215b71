import { and, desc, eq, sql } from "drizzle-orm";
import type { ModelMessage } from "ai";
import type { Ctx } from "../../context";
import { messages, threads } from "../../db/schema/ai";
import { withUser } from "../../db/with-user";
import { AppError } from "../../errors";
import { capText, MAX_ANSWER_CHARS, MAX_HISTORY_MESSAGE_CHARS } from "../output-limits";
import type { Citation } from "../tools/tool-env";

export type Turn = { threadId: string; assistantMessageId: string; history: ModelMessage[] };
export type AssistantContent = {
  text: string;
  citations: Citation[];
  status: "pending" | "done" | "error";
  error?: string;
};

const HISTORY = 20;

/**
 * Opens a turn in one transaction: the thread (new, or the caller's own — another user's
 * id is 404), the user's message, a pending assistant message the tool activity hangs
 * off, and the earlier conversation as model messages.
 */
export async function startTurn(
  ctx: Ctx,
  input: { threadId?: string | undefined; prompt: string },
): Promise<Turn> {
  return withUser(ctx, async (tx) => {
    let threadId = input.threadId;
    if (threadId) {
      const [t] = await tx
        .select({ id: threads.id })
        .from(threads)
        .where(and(eq(threads.id, threadId), eq(threads.userId, ctx.userId)));
      if (!t) throw new AppError("not_found", "thread not found");
    } else {
      const [t] = await tx
        .insert(threads)
        .values({ userId: ctx.userId, title: input.prompt.slice(0, 80) })
        .returning({ id: threads.id });
      threadId = t!.id;
    }
    const earlier = await tx
      .select({ role: messages.role, content: messages.content })
      .from(messages)
      .where(and(eq(messages.threadId, threadId), eq(messages.userId, ctx.userId)))
      .orderBy(desc(messages.createdAt))
      .limit(HISTORY);
    await tx
      .insert(messages)
      .values({ userId: ctx.userId, threadId, role: "user", content: { text: input.prompt } });
    const [a] = await tx
      .insert(messages)
      .values({
        userId: ctx.userId,
        threadId,
        role: "assistant",
        content: { text: "", citations: [], status: "pending" } satisfies AssistantContent,
        // A moment later than the user message so the thread always reads in order.
        createdAt: sql`now() + interval '1 millisecond'` as unknown as Date,
      })
      .returning({ id: messages.id });
    await tx.update(threads).set({ updatedAt: new Date() }).where(eq(threads.id, threadId));
    const history: ModelMessage[] = earlier
      .reverse()
      .map((m) => ({ role: m.role, text: (m.content as { text?: string }).text ?? "" }))
      .filter((m) => (m.role === "user" || m.role === "assistant") && m.text)
      .map((m) => ({
        role: m.role as "user" | "assistant",
        content: capText(m.text, MAX_HISTORY_MESSAGE_CHARS),
      }));
    return { threadId, assistantMessageId: a!.id, history };
  });
}

export async function finishTurn(ctx: Ctx, messageId: string, content: AssistantContent): Promise<void> {
  await withUser(ctx, (tx) =>
    tx
      .update(messages)
      .set({ content: { ...content, text: capText(content.text, MAX_ANSWER_CHARS) } })
      .where(and(eq(messages.id, messageId), eq(messages.userId, ctx.userId))),
  );
}

export async function listThreads(ctx: Ctx) {
  const rows = await withUser(ctx, (tx) =>
    tx
      .select({ id: threads.id, title: threads.title, updatedAt: threads.updatedAt })
      .from(threads)
      .where(eq(threads.userId, ctx.userId))
      .orderBy(desc(threads.updatedAt))
      .limit(100),
  );
  return { threads: rows.map((t) => ({ ...t, updatedAt: t.updatedAt.toISOString() })) };
}
