import type { Ctx } from "../../context";
import { embedOwners, type EmbedInput } from "./embed-owners";

/** The embed job: embeddings for the given owners (idempotent; skipped without pgvector/AI). */
export async function runEmbedJob(ctx: Ctx, payload: EmbedInput): Promise<void> {
  const r = await embedOwners(ctx, payload);
  ctx.log.info({ ...r, ownerType: payload.ownerType, owners: payload.ownerIds.length }, "embed job done");
}
