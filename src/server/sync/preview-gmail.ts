import type { Ctx } from "../context";
import { syncAudit } from "../db/schema/sync";
import { withUser } from "../db/with-user";
import { findContactsByEmails } from "../contacts/find-contacts-by-emails";
import { labelQuery } from "../google/gmail/fetch-messages";
import { gmailGetMetadata, gmailListMessageIds } from "../google/gmail/gmail-reads";
import { openGmail } from "../google/gmail/gmail-session";
import { requireServiceEnabled } from "../google/scopes";
import { previewGoogleError } from "./preview-errors";
import { previewEmailCandidates } from "./preview-candidates";
import { previewLabelCounts, type LabelCount } from "./preview-label-counts";
import { selectCandidates } from "./resolve-contacts";
import { getSyncPrefs } from "./sync-prefs";

const SAMPLE = 100;

export type GmailPreview = {
  /** Label id → exact number of messages with that label in the mailbox (labels.get). */
  countByLabel: Record<string, number>;
  /** The same counts with the labels' display names, largest first. */
  labels: LabelCount[];
  sampleSubjects: string[];
  /** Gmail's resultSizeEstimate for the query (an estimate, as Gmail gives it). */
  estimatedTotal: number;
  /** How many of the newest matching messages were read (metadata) for subjects and newContacts. */
  sampleSize: number;
  newContacts: { email: string; name: string | null }[];
};

/**
 * Non-destructive look at what an import would bring: Gmail's estimate for the user's
 * query, exact per-label totals (labels.get), subjects of the newest messages (metadata
 * only), and the contacts the current creation policy would create from those. Written to
 * sync_audit.
 */
export async function previewGmail(ctx: Ctx): Promise<GmailPreview> {
  requireServiceEnabled("gmail");
  const prefs = await getSyncPrefs(ctx);
  try {
    const gmail = await openGmail(ctx);
    const page = await gmailListMessageIds(gmail, {
      q: labelQuery(prefs.gmailQuery, prefs.gmailLabelExcludes),
      maxResults: SAMPLE,
    });
    const metas = await Promise.all(
      page.ids.map((id) =>
        gmailGetMetadata(gmail, id, [
          "From",
          "To",
          "Cc",
          "Subject",
          "List-Id",
          "List-Unsubscribe",
          "Precedence",
        ]),
      ),
    );
    const labels = await previewLabelCounts(gmail, {
      includes: prefs.gmailLabelIncludes,
      excludes: prefs.gmailLabelExcludes,
      sampled: metas.map((m) => m.labelIds ?? []),
    });
    const countByLabel = Object.fromEntries(labels.map((l) => [l.id, l.messagesTotal]));
    const own = new Set([gmail.tokens.accountEmail ?? ""].filter(Boolean));
    const wanted = selectCandidates(previewEmailCandidates(metas, own), prefs.contactCreationPolicy);
    const known = await withUser(ctx, (tx) => findContactsByEmails(tx, ctx.userId, [...wanted.keys()]));
    const newContacts = [...wanted].filter(([e]) => !known.has(e)).map(([email, name]) => ({ email, name }));
    const sampleSubjects = metas
      .map((m) => m.payload?.headers?.find((h) => h.name?.toLowerCase() === "subject")?.value ?? "")
      .filter(Boolean)
      .slice(0, 10);
    const result = {
      countByLabel,
      labels,
      sampleSubjects,
      estimatedTotal: Math.max(page.estimate, page.ids.length),
      sampleSize: metas.length,
      newContacts: newContacts.slice(0, 50),
    };
    await audit(ctx, { estimatedTotal: result.estimatedTotal, newContacts: newContacts.length });
    return result;
  } catch (e) {
    return previewGoogleError(ctx, "gmail", e);
  }
}

async function audit(ctx: Ctx, payload: Record<string, unknown>) {
  await withUser(ctx, (tx) =>
    tx.insert(syncAudit).values({ userId: ctx.userId, provider: "gmail", action: "preview", payload }),
  );
}
