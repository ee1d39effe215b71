import { spawn } from "node:child_process";
import type { DbHandle } from "../../src/server/db/client";
import type { GmailRawMessage } from "../../src/server/google/client";
import type { NormalizedItem } from "../../src/server/sync/normalize-email";

// CSV field: NULL stays unquoted-empty, everything else is quoted with "" escaping.
const f = (v: string | null | undefined) => (v == null ? "" : `"${v.replace(/"/g, '""')}"`);

/**
 * COPY … FROM STDIN (CSV) of the raw_events and interactions rows the import writes, for
 * `userId`, as the database owner. Returns the ms taken, CSV building included (the insert
 * path's timing includes building its unnest() arrays too). Real Postgres: psql's \copy
 * (one psql start-up, ~20-40 ms, included); PGlite: COPY FROM '/dev/blob'.
 */
export async function copyRows(
  h: DbHandle,
  userId: string,
  raws: GmailRawMessage[],
  items: NormalizedItem[],
): Promise<number> {
  const t0 = performance.now();
  const now = new Date().toISOString();
  const rawCsv = raws
    .map((m, i) =>
      [userId, "gmail", m.id, items[i]!.interaction.occurredAt.toISOString(), JSON.stringify(m), now]
        .map(f)
        .join(","),
    )
    .join("\n");
  const intCsv = items
    .map(({ interaction: x }) =>
      [
        userId,
        x.type,
        x.source,
        x.sourceId,
        x.occurredAt.toISOString(),
        x.subject,
        x.body,
        x.summary,
        x.direction,
        x.threadId,
        JSON.stringify(x.metadata),
      ]
        .map(f)
        .join(","),
    )
    .join("\n");
  const rawCols = "raw_events (user_id, provider, source_id, occurred_at, payload, processed_at)";
  const intCols =
    "interactions (user_id, type, source, source_id, occurred_at, subject, body, summary, direction, thread_id, metadata)";
  if (h.kind === "pglite") {
    type Pg = { query: (q: string, p: unknown[], o: { blob: Blob }) => Promise<unknown> };
    const client = (h.db as unknown as { $client: Pg }).$client;
    await client.query(`COPY ${rawCols} FROM '/dev/blob' WITH (FORMAT csv)`, [], {
      blob: new Blob([rawCsv]),
    });
    await client.query(`COPY ${intCols} FROM '/dev/blob' WITH (FORMAT csv)`, [], {
      blob: new Blob([intCsv]),
    });
  } else {
    await psqlCopy(`${rawCols}`, rawCsv);
    await psqlCopy(`${intCols}`, intCsv);
  }
  return performance.now() - t0;
}

function psqlCopy(target: string, csv: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      "psql",
      [
        process.env.DATABASE_URL!,
        "-v",
        "ON_ERROR_STOP=1",
        "-qc",
        `\\copy ${target} FROM pstdin WITH (FORMAT csv)`,
      ],
      {
        stdio: ["pipe", "ignore", "pipe"],
      },
    );
    let err = "";
    p.stderr.on("data", (b: Buffer) => (err += b.toString()));
    p.on("error", reject);
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`psql \\copy failed: ${err}`))));
    p.stdin.end(csv);
  });
}
