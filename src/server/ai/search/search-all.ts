import type { Ctx } from "../../context";
import { dbCapabilities } from "../../db/capabilities";
import { isAppError } from "../../errors";
import { isAiConfigured } from "../provider";
import { keywordSearch } from "../../search/keyword-search";
import { reciprocalRankFusion } from "./rrf";
import { embedQuery, hasEmbeddings, semanticHits } from "./semantic-hits";
import type { FallbackReason, SearchMode, SearchResult } from "./types";

export type SearchInput = { q: string; mode: SearchMode; limit: number };

/**
 * Search over contacts, interactions and notes. keyword = full-text + trigram; semantic =
 * pgvector; hybrid = reciprocal-rank fusion of both. Semantic parts fall back to keyword
 * (and say why) without a provider, without pgvector, before anything is embedded, or when
 * the embedding call fails or is over a limit — search itself never fails for AI reasons.
 */
export async function searchAll(ctx: Ctx, input: SearchInput): Promise<SearchResult> {
  const { q, mode, limit } = input;
  // The keyword half is the search domain's ranked full-text + trigram search.
  const keyword = async () =>
    (await keywordSearch(ctx, { q, limit: mode === "hybrid" ? Math.min(50, limit * 2) : limit })).hits;
  if (mode === "keyword") return { results: await keyword(), modeRequested: mode, modeUsed: "keyword" };
  const reason = await semanticUnavailable(ctx);
  if (reason)
    return { results: await keyword(), modeRequested: mode, modeUsed: "keyword", fallbackReason: reason };
  let vector: number[];
  try {
    vector = await embedQuery(ctx, q);
  } catch (e) {
    const why: FallbackReason =
      isAppError(e) && e.code.startsWith("rate_limited") ? "limit_reached" : "provider_error";
    ctx.log.warn({ err: e }, "semantic search fell back to keyword");
    return { results: await keyword(), modeRequested: mode, modeUsed: "keyword", fallbackReason: why };
  }
  if (mode === "semantic")
    return { results: await semanticHits(ctx, vector, limit), modeRequested: mode, modeUsed: "semantic" };
  const [kw, sem] = await Promise.all([keyword(), semanticHits(ctx, vector, limit * 2)]);
  return { results: reciprocalRankFusion([kw, sem], limit), modeRequested: mode, modeUsed: "hybrid" };
}

async function semanticUnavailable(ctx: Ctx): Promise<FallbackReason | null> {
  if (!isAiConfigured()) return "no_provider";
  if (!(await dbCapabilities(ctx.db)).vector) return "no_pgvector";
  if (!(await hasEmbeddings(ctx))) return "no_embeddings";
  return null;
}
