import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "./client";
import { pgArray } from "./pg-array";
import { useTestDb } from "../testing/test-db";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

describe("pgArray (one bound array parameter, PGlite and node-postgres)", () => {
  it("round-trips hostile text: quotes, backslashes, commas, braces, NULL, NUL stripped", async () => {
    const values = ['a"b', "c\\d", "e,f", "{g}", "NULL", null, "h\u0000i", "", " sp "];
    const r = await h.db.execute<{ v: string | null; n: number }>(
      sql`SELECT v, n::int AS n FROM unnest(${pgArray(values, "text")}) WITH ORDINALITY AS t(v, n) ORDER BY n`,
    );
    expect(r.rows.map((x) => x.v)).toEqual(['a"b', "c\\d", "e,f", "{g}", "NULL", null, "hi", "", " sp "]);
  });

  it("binds uuid[] for = ANY()", async () => {
    const ids = ["6f1c1b3e-8d2a-4a57-9a8e-0a1b2c3d4e5f", "00000000-0000-4000-8000-000000000001"];
    const r = await h.db.execute<{ ok: boolean }>(
      sql`SELECT ${ids[1]}::uuid = ANY(${pgArray(ids, "uuid")}) AS ok`,
    );
    expect(r.rows[0]!.ok).toBe(true);
  });

  it("binds jsonb[] from JS values, and an empty array", async () => {
    const r = await h.db.execute<{ j: unknown }>(
      sql`SELECT j FROM unnest(${pgArray([{ a: 1, s: 'x"\u0000y' }, [1, 2], null], "jsonb")}) AS t(j)`,
    );
    expect(r.rows.map((x) => x.j)).toEqual([{ a: 1, s: 'x"y' }, [1, 2], null]);
    const e = await h.db.execute<{ n: number }>(sql`SELECT cardinality(${pgArray([], "uuid")})::int AS n`);
    expect(e.rows[0]!.n).toBe(0);
  });
});
