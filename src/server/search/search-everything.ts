import type { Ctx } from "../context";
import { searchAll } from "../ai/search/search-all";
import { keywordSearch } from "./keyword-search";
import { searchRequestQuery, type SearchHit, type SearchRequestQuery } from "./schemas";

/**
 * The search box and the Ctrl/⌘-K palette: ranked keyword search, or (mode=hybrid, no type
 * filter) keyword fused with search by meaning — which itself falls back to keyword when
 * AI, pgvector or embeddings are missing. Says which one answered.
 */
export async function searchEverything(
  ctx: Ctx,
  raw: SearchRequestQuery,
): Promise<{ hits: SearchHit[]; modeUsed: "keyword" | "semantic" | "hybrid" }> {
  const { mode, ...q } = searchRequestQuery.parse(raw);
  if (mode === "keyword" || q.types) return { ...(await keywordSearch(ctx, q)), modeUsed: "keyword" };
  const r = await searchAll(ctx, { q: q.q, mode: "hybrid", limit: q.limit });
  return { hits: r.results, modeUsed: r.modeUsed };
}
