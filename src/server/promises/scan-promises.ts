import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { isAiConfigured } from "../ai/provider";
import { promiseScans, taskSuggestions } from "../db/schema/task-suggestions";
import { withUser } from "../db/with-user";
import { isAppError } from "../errors";
import { getUserTimeZone } from "../profile/get-user-time-zone";
import { NO_DUE } from "../tasks/due";
import { parseQuickAdd } from "../tasks/parse-quick-add";
import { extractPromises } from "./extract-promises";
import { loadPromiseSources, type PromiseSource } from "./load-promise-sources";
import { scanPromisesPayload, titleKey, type ScanPromisesPayload } from "./schemas";

export type ScanOutcome = {
  scanned: number;
  suggested: number;
  skipped?: "no_provider" | "nothing_new" | "budget";
};

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * The `scan_promises` job: the user's own recent outgoing mail or notes → suggested tasks.
 * Without a provider it does nothing; a text already scanned with the same content is never
 * sent again; an exhausted budget (monthly credits, daily cost cap) skips without retrying.
 * Suggestions are de-duplicated per source and title, so a re-delivered job adds nothing and
 * a dismissed promise does not come back when its note is edited.
 */
export async function scanPromises(ctx: Ctx, raw: ScanPromisesPayload): Promise<ScanOutcome> {
  const p = scanPromisesPayload.parse(raw);
  if (!isAiConfigured()) return { scanned: 0, suggested: 0, skipped: "no_provider" };
  const { sources, tz } = await withUser(ctx, async (tx) => {
    const all = await loadPromiseSources(tx, ctx.userId, p);
    if (!all.length) return { sources: [] as PromiseSource[], tz: "UTC" };
    const done = await tx
      .select({ ref: promiseScans.ownerRef, hash: promiseScans.textSha256 })
      .from(promiseScans)
      .where(
        and(
          eq(promiseScans.userId, ctx.userId),
          inArray(
            promiseScans.ownerRef,
            all.map((s) => s.ref),
          ),
        ),
      );
    const seen = new Map(done.map((d) => [d.ref, d.hash]));
    return {
      sources: all.filter((s) => seen.get(s.ref) !== sha256(s.text)),
      tz: await getUserTimeZone({ ...ctx, tx }),
    };
  });
  if (!sources.length) return { scanned: 0, suggested: 0, skipped: "nothing_new" };
  let found;
  try {
    found = await extractPromises(ctx, sources);
  } catch (e) {
    if (isAppError(e) && e.code.startsWith("rate_limited")) {
      ctx.log.info({ code: e.code }, "promise scan skipped: AI budget reached");
      return { scanned: 0, suggested: 0, skipped: "budget" };
    }
    throw e;
  }
  const suggested = await withUser(ctx, async (tx) => {
    const rows = found.promises.map((f) => {
      const s = sources[f.source - 1]!;
      // The deadline is read against when the promise was written ("by Friday" of that week).
      const due = f.due ? parseQuickAdd(f.due, tz, s.writtenAt).due : NO_DUE;
      return {
        userId: ctx.userId,
        source: s.source,
        sourceRef: s.ref,
        contactId: s.contactId,
        title: f.title,
        titleKey: titleKey(f.title),
        quote: f.quote || null,
        ...due,
      };
    });
    const inserted = rows.length
      ? await tx
          .insert(taskSuggestions)
          .values(rows)
          .onConflictDoNothing()
          .returning({ id: taskSuggestions.id })
      : [];
    await tx
      .insert(promiseScans)
      .values(
        sources.map((s, i) => ({
          userId: ctx.userId,
          ownerRef: s.ref,
          textSha256: sha256(s.text),
          found: found.promises.filter((f) => f.source === i + 1).length,
        })),
      )
      .onConflictDoUpdate({
        target: [promiseScans.userId, promiseScans.ownerRef],
        set: {
          textSha256: sql`excluded.text_sha256`,
          found: sql`excluded.found`,
          scannedAt: sql`now()`,
        },
      });
    return inserted.length;
  });
  ctx.log.info({ scanned: sources.length, suggested }, "promise scan done");
  return { scanned: sources.length, suggested };
}
