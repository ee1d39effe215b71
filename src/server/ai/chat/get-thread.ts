import { and, asc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../context";
import { messages, threads, toolInvocations } from "../../db/schema/ai";
import { withUser } from "../../db/with-user";
import { AppError } from "../../errors";

/** One of the caller's threads with its messages and tool activity (404 for anyone else's). */
export async function getThread(ctx: Ctx, threadId: string) {
  return withUser(ctx, async (tx) => {
    const [t] = await tx
      .select()
      .from(threads)
      .where(and(eq(threads.id, threadId), eq(threads.userId, ctx.userId)));
    if (!t) throw new AppError("not_found", "thread not found");
    const msgs = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.threadId, threadId), eq(messages.userId, ctx.userId)))
      .orderBy(asc(messages.createdAt));
    const ids = msgs.map((m) => m.id);
    const tools = ids.length
      ? await tx
          .select()
          .from(toolInvocations)
          .where(and(inArray(toolInvocations.messageId, ids), eq(toolInvocations.userId, ctx.userId)))
          .orderBy(asc(toolInvocations.createdAt))
      : [];
    return {
      thread: { id: t.id, title: t.title, updatedAt: t.updatedAt.toISOString() },
      messages: msgs.map((m) => ({
        id: m.id,
        role: m.role,
        content: m.content,
        createdAt: m.createdAt.toISOString(),
      })),
      tools: tools.map((x) => ({
        id: x.id,
        messageId: x.messageId,
        tool: x.tool,
        args: x.args,
        result: x.result,
        status: x.status,
        latencyMs: x.latencyMs,
        createdAt: x.createdAt.toISOString(),
      })),
    };
  });
}
