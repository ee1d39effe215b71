/** The embeddings.embedding column is vector(1536) (migration 0001). */
export const VECTOR_COLUMN_DIMS = 1536;

/**
 * pgvector literal for a model vector. Shorter vectors are zero-padded: cosine distance is
 * unchanged by trailing zeros, so models with fewer dimensions share the same column.
 */
export function toVectorLiteral(v: number[]): string {
  if (v.length > VECTOR_COLUMN_DIMS)
    throw new Error(`embedding has ${v.length} dimensions; the column holds at most ${VECTOR_COLUMN_DIMS}`);
  const padded =
    v.length < VECTOR_COLUMN_DIMS ? [...v, ...new Array<number>(VECTOR_COLUMN_DIMS - v.length).fill(0)] : v;
  return `[${padded.map((x) => (Number.isFinite(x) ? x : 0)).join(",")}]`;
}
