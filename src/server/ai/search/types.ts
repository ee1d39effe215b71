/** One search result; the shape the keyword search of the search domain returns too. */
export type SearchHit = {
  type: "contact" | "interaction" | "note";
  id: string;
  contactId: string | null;
  title: string;
  snippet: string;
  score: number;
};

export type SearchMode = "keyword" | "semantic" | "hybrid";

export type FallbackReason =
  "no_provider" | "no_pgvector" | "no_embeddings" | "provider_error" | "limit_reached";

export type SearchResult = {
  results: SearchHit[];
  modeRequested: SearchMode;
  modeUsed: SearchMode;
  fallbackReason?: FallbackReason;
};
