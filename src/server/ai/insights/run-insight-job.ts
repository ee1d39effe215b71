import { and, desc, eq } from "drizzle-orm";
import { env } from "@/lib/env";
import type { Ctx } from "../../context";
import { aiInsights } from "../../db/schema/ai";
import { withUser } from "../../db/with-user";
import { isAppError } from "../../errors";
import { isAiConfigured } from "../provider";
import { generateContactInsight } from "./generate-contact-insight";
import { loadInsightInput } from "./insight-input";

export type InsightJobOutcome =
  | "generated"
  | "failed"
  | "skipped_recent"
  | "skipped_unchanged"
  | "skipped_no_provider"
  | "skipped_no_contact";

/**
 * The `insight` job: regenerate a contact's insight after new interactions, at most once per
 * AI_INSIGHT_DEBOUNCE_HOURS (default a day) and only when its material changed, so a burst
 * of imported emails costs one credit, not dozens.
 */
export async function runInsightJob(ctx: Ctx, payload: { contactId: string }): Promise<InsightJobOutcome> {
  if (!isAiConfigured()) return "skipped_no_provider";
  try {
    return await run(ctx, payload);
  } catch (e) {
    // The contact was deleted (or its import undone) after the job was queued: nothing to do.
    if (isAppError(e) && e.code === "not_found") return "skipped_no_contact";
    throw e;
  }
}

async function run(ctx: Ctx, payload: { contactId: string }): Promise<InsightJobOutcome> {
  const [latest] = await withUser(ctx, (tx) =>
    tx
      .select({ createdAt: aiInsights.createdAt, fingerprint: aiInsights.fingerprint })
      .from(aiInsights)
      .where(
        and(
          eq(aiInsights.userId, ctx.userId),
          eq(aiInsights.subjectType, "contact"),
          eq(aiInsights.subjectId, payload.contactId),
        ),
      )
      .orderBy(desc(aiInsights.createdAt))
      .limit(1),
  );
  if (latest) {
    const ageH = (Date.now() - latest.createdAt.getTime()) / 3_600_000;
    if (ageH < env().AI_INSIGHT_DEBOUNCE_HOURS) return "skipped_recent";
    const { fingerprint } = await loadInsightInput(ctx, payload.contactId);
    if (fingerprint === latest.fingerprint) return "skipped_unchanged";
  }
  const r = await generateContactInsight(ctx, { contactId: payload.contactId, background: true });
  ctx.log.info({ contactId: payload.contactId, status: r.status }, "insight job done");
  return r.status === "ok" ? "generated" : "failed";
}
