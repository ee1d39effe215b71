import type { SearchHit } from "../../search/schemas";

/** One search result: the search domain's keyword hit shape, shared by all modes. */
export type { SearchHit };

export type SearchMode = "keyword" | "semantic" | "hybrid";

export type FallbackReason =
  "no_provider" | "no_pgvector" | "no_embeddings" | "provider_error" | "limit_reached";

export type SearchResult = {
  results: SearchHit[];
  modeRequested: SearchMode;
  modeUsed: SearchMode;
  fallbackReason?: FallbackReason;
};
