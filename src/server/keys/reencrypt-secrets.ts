import { sql } from "drizzle-orm";
import type { SystemCtx } from "../context";
import type { Encryptor, Purpose } from "../crypto/encryption";
import { withSystem } from "../db/with-user";

/** Encryption purpose of each encrypted column (`*_enc`); an unknown column stops the sweep. */
const PURPOSES: Record<string, Purpose> = {
  health_context_enc: "health",
  // Intake-form answers and the signed consent PDF hold health answers too.
  answers_enc: "health",
  pdf_enc: "health",
  access_token_enc: "tokens",
  refresh_token_enc: "tokens",
};
const purposeOf = (column: string): Purpose | undefined => PURPOSES[column];

const BATCH = 500;

export type ReencryptResult = { columns: string[]; rewritten: number; failed: number };

/**
 * After rotating APP_ENCRYPTION_KEY: rewrites every value in every `*_enc` column still
 * encrypted with an old key (APP_ENCRYPTION_KEYS_OLD) under the current key, so old keys
 * can be retired. Columns are discovered from the database, rows are keyed by `id`, each
 * batch is one transaction, and values already under the current key are left alone, so
 * the sweep can be interrupted and re-run. Values no key can decrypt are counted, logged
 * by row id and left untouched.
 */
export async function reencryptSecrets(ctx: SystemCtx, enc: Encryptor): Promise<ReencryptResult> {
  const cols = await ctx.db.execute<{ t: string; c: string }>(sql`
    SELECT c.table_name AS t, c.column_name AS c FROM information_schema.columns c
    WHERE c.table_schema = 'public' AND c.column_name LIKE '%\\_enc' ESCAPE '\\'
      AND EXISTS (SELECT 1 FROM information_schema.columns i
                  WHERE i.table_schema = 'public' AND i.table_name = c.table_name AND i.column_name = 'id')
    ORDER BY 1, 2`);
  const result: ReencryptResult = { columns: [], rewritten: 0, failed: 0 };
  for (const { t, c } of cols.rows) {
    const purpose = purposeOf(c);
    if (!purpose)
      throw new Error(`reencrypt: no encryption purpose known for ${t}.${c}; add it to purposeOf()`);
    result.columns.push(`${t}.${c}`);
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const rows = await withSystem(ctx.db, async (tx) => {
        // Consent records are immutable except for this: the same PDF under the new key
        // (migration 0021 lets exactly that column change while this is on, in this transaction).
        await tx.execute(sql`SELECT set_config('omnicrm.reencrypt', 'on', true)`);
        const r = await tx.execute<{ id: string; v: string }>(
          sql`SELECT id::text AS id, ${sql.identifier(c)} AS v FROM ${sql.identifier(t)}
              WHERE ${sql.identifier(c)} IS NOT NULL AND id > ${after}::uuid ORDER BY id LIMIT ${BATCH}`,
        );
        for (const row of r.rows) {
          if (!enc.needsRotation(row.v, purpose)) continue;
          let plain: string;
          try {
            plain = enc.decrypt(row.v, purpose);
          } catch {
            result.failed++;
            ctx.log.error({ table: t, column: c, id: row.id }, "reencrypt: value decrypts with no known key");
            continue;
          }
          // Compare-and-set: a concurrent writer's newer value is never overwritten.
          await tx.execute(
            sql`UPDATE ${sql.identifier(t)} SET ${sql.identifier(c)} = ${enc.encrypt(plain, purpose)}
                WHERE id = ${row.id}::uuid AND ${sql.identifier(c)} = ${row.v}`,
          );
          result.rewritten++;
        }
        return r.rows;
      });
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1]!.id;
    }
  }
  ctx.log.info(result, "re-encryption sweep finished");
  return result;
}
