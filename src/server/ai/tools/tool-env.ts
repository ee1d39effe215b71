import type { Ctx } from "../../context";
import { withUser } from "../../db/with-user";
import { toolInvocations } from "../../db/schema/ai";
import { getContact } from "../../contacts/get-contact";
import type { ContactDetail } from "../../contacts/contact-dto";
import { AppError } from "../../errors";

export type Citation = { type: "contact" | "interaction" | "note"; id: string; title: string; href: string };

/** What every assistant tool needs: the calling user's ctx and where to record its activity. */
export type ToolEnv = {
  ctx: Ctx;
  /** The assistant message the tool activity belongs to. */
  messageId: string;
  includeHealth: boolean;
  citations: Map<string, Citation>;
  /** Streaming: tells the client a tool ran (or a proposal was made) as it happens. */
  onActivity?: (a: ToolActivity) => void;
};

export type ToolActivity = {
  id: string;
  tool: string;
  args: unknown;
  status: "ok" | "error" | "proposed";
  latencyMs: number;
  result: unknown;
};

export const contactHref = (id: string) => `/contacts/${id}`;
export const interactionHref = (contactId: string | null, id: string) =>
  contactId ? `/contacts/${contactId}?interaction=${id}` : `/search?interaction=${id}`;

export function cite(env: ToolEnv, c: Citation): void {
  env.citations.set(`${c.type}:${c.id}`, c);
}

/** The contact as the contact page shows it (getContact), or null when it is not the user's. */
export async function findContact(env: ToolEnv, id: string): Promise<ContactDetail | null> {
  try {
    return await getContact(env.ctx, { id });
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return null;
    throw e;
  }
}

/**
 * Wraps a tool's work: times it, records the invocation (args, result, latency, status) in
 * tool_invocations and reports it to the live stream. Errors become a result the model can
 * read instead of aborting the whole answer.
 */
export async function recordTool(
  env: ToolEnv,
  tool: string,
  args: unknown,
  work: () => Promise<{ result: object; status?: "ok" | "proposed" }>,
): Promise<object> {
  const started = performance.now();
  let result: object;
  let status: ToolActivity["status"];
  try {
    const r = await work();
    result = r.result;
    status = r.status ?? "ok";
  } catch (e) {
    env.ctx.log.warn({ err: e, tool }, "assistant tool failed");
    result = { error: e instanceof Error && "code" in e ? String(e.code) : "tool_failed" };
    status = "error";
  }
  const latencyMs = Math.round(performance.now() - started);
  // As the calling user under RLS (never withSystem). Tools themselves hold no transaction:
  // they call core operations, which open their own (or reuse ctx.tx).
  const [row] = await withUser(env.ctx, (tx) =>
    tx
      .insert(toolInvocations)
      .values({
        userId: env.ctx.userId,
        messageId: env.messageId,
        tool,
        args: args as object,
        result: storedResult(result),
        latencyMs,
        status,
      })
      .returning({ id: toolInvocations.id }),
  );
  env.onActivity?.({ id: row!.id, tool, args, status, latencyMs, result });
  if (status === "proposed") return { ...result, proposalId: row!.id };
  return result;
}

/** What stands in a stored tool result for decrypted health context: where it came from, not what it said. */
export const HEALTH_CONTEXT_REF = "contact.health_context";

/**
 * The tool result as kept in tool_invocations: decrypted health context (any `healthContext`
 * key) is replaced by a reference to its source, so the plaintext lives only in the
 * encrypted column it came from; the model still received the full result.
 */
export function storedResult(result: object): object {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== "object") return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (k === "healthContext" && x !== undefined && x !== null) {
        const owner = v as { id?: unknown; contactId?: unknown };
        out[k] = { ref: HEALTH_CONTEXT_REF, contactId: owner.contactId ?? owner.id ?? null };
      } else out[k] = walk(x);
    }
    return out;
  };
  return walk(result) as object;
}
