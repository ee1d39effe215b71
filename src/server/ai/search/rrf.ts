import type { SearchHit } from "./types";

/**
 * Reciprocal-rank fusion: each list contributes 1 / (k + rank) per hit, so an item ranked
 * well by either keyword or semantic search rises, and one found by both rises most.
 * Scores of different scales never have to be compared. k = 60 as in the original paper.
 */
export function reciprocalRankFusion(lists: SearchHit[][], limit: number, k = 60): SearchHit[] {
  const fused = new Map<string, { hit: SearchHit; score: number }>();
  for (const list of lists)
    list.forEach((hit, rank) => {
      const key = `${hit.type}:${hit.id}`;
      const prev = fused.get(key);
      const add = 1 / (k + rank + 1);
      if (prev) prev.score += add;
      else fused.set(key, { hit, score: add });
    });
  return [...fused.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ hit, score }) => ({ ...hit, score }));
}
