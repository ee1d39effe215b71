import { sql, type SQL } from "drizzle-orm";

/** Element types we bind as Postgres arrays. */
export type PgArrayType = "text" | "uuid" | "jsonb";

/**
 * A JS array bound as ONE Postgres array parameter, cast to `<type>[]`: the driver
 * (node-postgres or PGlite) serialises and escapes it, so no code builds `{a,b}` literals
 * by hand. Multi-row writes use one per column (`unnest($1::text[], $2::text[], …)`): far
 * fewer parameters than a VALUES list, planned once, close to COPY for imports. Postgres text cannot hold NUL, so NUL characters are stripped from strings.
 * jsonb elements are JSON.stringify'd first. Use as `= ANY(${pgArray(ids, "uuid")})` or
 * `unnest(${pgArray(a, "text")}, …)`.
 */
export function pgArray(values: readonly unknown[], type: PgArrayType): SQL {
  const bound = values.map((v) => {
    if (v === null || v === undefined) return null;
    if (type === "jsonb") return JSON.stringify(v).replace(/\\u0000/g, "");
    return typeof v === "string" ? v.replaceAll("\u0000", "") : v;
  });
  return sql`${sql.param(bound)}::${sql.raw(type)}[]`;
}
