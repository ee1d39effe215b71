import { createHash } from "node:crypto";
import { embedMany } from "ai";
import { sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import { dbCapabilities } from "../../db/capabilities";
import { withUser } from "../../db/with-user";
import { isAiConfigured, requireAi } from "../provider";
import { withGuardrails } from "../with-guardrails";
import { chunkText } from "./chunk-text";
import { loadOwnerTexts, type OwnerType } from "./owner-texts";
import { toVectorLiteral } from "./vector";
import { pgArray } from "../../db/pg-array";

export type EmbedInput = { ownerType: OwnerType; ownerIds: string[] };
export type EmbedOutcome = {
  skipped?: "no_provider" | "no_pgvector";
  embedded: number;
  unchanged: number;
  removed: number;
};

const BATCH = 64;

type Chunk = { ownerId: string; index: number; content: string; hash: string };

/**
 * The `embed` job: chunk each owner's text, skip chunks whose content hash is already
 * stored for the current model, embed the rest in batches (embedMany), upsert them and
 * drop chunks that no longer exist. Re-running it changes nothing and calls no model.
 */
export async function embedOwners(ctx: Ctx, input: EmbedInput): Promise<EmbedOutcome> {
  if (!isAiConfigured()) return { skipped: "no_provider", embedded: 0, unchanged: 0, removed: 0 };
  if (!(await dbCapabilities(ctx.db)).vector)
    return { skipped: "no_pgvector", embedded: 0, unchanged: 0, removed: 0 };
  const ai = requireAi();
  const ids = [...new Set(input.ownerIds)];
  const { texts, existing } = await withUser(ctx, async (tx) => ({
    texts: await loadOwnerTexts(tx, ctx.userId, input.ownerType, ids),
    existing: await tx.execute<{ owner_id: string; chunk_index: number; content_hash: string }>(sql`
      SELECT owner_id, chunk_index, content_hash FROM embeddings
      WHERE user_id = ${ctx.userId} AND owner_type = ${input.ownerType} AND owner_id = ANY(${pgArray(ids, "uuid")})`),
  }));
  const have = new Map(existing.rows.map((r) => [`${r.owner_id}:${r.chunk_index}`, r.content_hash]));
  const todo: Chunk[] = [];
  const keep = new Map<string, number>();
  let unchanged = 0;
  for (const [ownerId, text] of texts) {
    const chunks = chunkText(text);
    keep.set(ownerId, chunks.length);
    chunks.forEach((content, index) => {
      const hash = createHash("sha256")
        .update(`${ai.embeddingModelId}\n${ai.dims}\n${content}`)
        .digest("hex");
      if (have.get(`${ownerId}:${index}`) === hash) unchanged++;
      else todo.push({ ownerId, index, content, hash });
    });
  }
  for (let i = 0; i < todo.length; i += BATCH)
    await embedBatch(ctx, input.ownerType, todo.slice(i, i + BATCH));
  const removed = await removeStale(ctx, input.ownerType, ids, keep);
  return { embedded: todo.length, unchanged, removed };
}

async function embedBatch(ctx: Ctx, ownerType: OwnerType, batch: Chunk[]): Promise<void> {
  const { value } = await withGuardrails(
    ctx,
    { operation: "embed", credits: 0, perMinute: false, kind: "embedding" },
    async (ai, signal) => {
      const r = await embedMany({
        model: ai.embedding,
        values: batch.map((c) => c.content),
        abortSignal: signal,
        maxRetries: 2,
        providerOptions: { openai: { dimensions: ai.dims } },
      });
      return {
        value: { embeddings: r.embeddings, model: ai.embeddingModelId, dims: ai.dims },
        usage: { inputTokens: r.usage.tokens },
      };
    },
  );
  await withUser(ctx, async (tx) => {
    for (const [i, c] of batch.entries()) {
      const vec = toVectorLiteral(value.embeddings[i]!);
      await tx.execute(sql`
        INSERT INTO embeddings (user_id, owner_type, owner_id, chunk_index, content_hash, content, model, dims, embedding)
        VALUES (${ctx.userId}, ${ownerType}, ${c.ownerId}, ${c.index}, ${c.hash}, ${c.content}, ${value.model}, ${value.dims}, ${vec}::vector)
        ON CONFLICT (user_id, owner_type, owner_id, chunk_index) DO UPDATE SET
          content_hash = EXCLUDED.content_hash, content = EXCLUDED.content, model = EXCLUDED.model,
          dims = EXCLUDED.dims, embedding = EXCLUDED.embedding, created_at = now()`);
    }
  });
}

/** Chunks beyond an owner's new chunk count, and owners that no longer exist, are deleted. */
async function removeStale(
  ctx: Ctx,
  ownerType: OwnerType,
  ids: string[],
  keep: Map<string, number>,
): Promise<number> {
  let removed = 0;
  await withUser(ctx, async (tx) => {
    for (const id of ids) {
      const r = await tx.execute(sql`
        DELETE FROM embeddings WHERE user_id = ${ctx.userId} AND owner_type = ${ownerType} AND owner_id = ${id}
          AND chunk_index >= ${keep.get(id) ?? 0} RETURNING 1`);
      removed += r.rows.length;
    }
  });
  return removed;
}
