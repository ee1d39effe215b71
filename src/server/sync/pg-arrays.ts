// Multi-row writes as one parameter per column: `unnest($1::text[], $2::text[], …)`.
// Compared with a VALUES list (one parameter per cell) this sends far fewer parameters,
// skips the query builder's per-cell work and lets Postgres plan once: import throughput
// comes close to COPY. Postgres text cannot hold NUL, so it is stripped here.

function quote(v: string): string {
  return `"${v.replaceAll("\u0000", "").replace(/[\\"]/g, "\\$&")}"`;
}

/** A Postgres array literal for text[] (NULL for null/undefined). */
export function pgTextArray(values: readonly (string | null | undefined)[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ",";
    out += v === null || v === undefined ? "NULL" : quote(v);
  }
  return out + "}";
}

/** JSON values as a text[] literal, to be cast element-wise with `::jsonb`. */
export function pgJsonArray(values: readonly unknown[]): string {
  return pgTextArray(
    values.map((v) => (v === null || v === undefined ? null : JSON.stringify(v).replace(/\\u0000/g, ""))),
  );
}
