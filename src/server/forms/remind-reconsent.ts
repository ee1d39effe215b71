import { and, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { tasks } from "../db/schema/followups";
import { withUser } from "../db/with-user";
import { createTask } from "../tasks/create-task";
import { RECONSENT_AFTER_DAYS } from "./constants";

type Due = {
  consentId: string;
  contactId: string;
  contactName: string;
  formName: string;
  ref: string;
  why: string;
};

/**
 * Re-consent reminders for one user: for each contact's latest consent per form, a task when
 * the form's consent text has changed since (a newer version) or the signature is older than
 * 12 months. Idempotent: a task's source_ref names the record and the reason
 * (`consent:<id>:v<version>` / `consent:<id>:12m`), a partial unique index on it makes a
 * second run (or a racing one) create nothing.
 */
export async function remindReconsent(ctx: Ctx, p: { formId?: string } = {}): Promise<{ created: number }> {
  const due = await withUser(ctx, async (tx) => {
    const r = await tx.execute<{
      consent_id: string;
      contact_id: string;
      contact_name: string;
      form_name: string;
      signed_version: number;
      current_version: number | null;
      old: boolean;
    }>(sql`
      SELECT DISTINCT ON (s.contact_id, cr.form_id)
        cr.id AS consent_id, s.contact_id, c.display_name AS contact_name, cr.form_name,
        cr.consent_version AS signed_version, f.consent_version AS current_version,
        cr.signed_at < now() - make_interval(days => ${RECONSENT_AFTER_DAYS}) AS old
      FROM consent_records cr
      JOIN form_submissions s ON s.id = cr.submission_id AND s.status = 'approved'
      JOIN contacts c ON c.id = s.contact_id AND c.deleted_at IS NULL
      LEFT JOIN forms f ON f.id = cr.form_id
      WHERE cr.user_id = ${ctx.userId} ${p.formId ? sql`AND cr.form_id = ${p.formId}::uuid` : sql``}
      ORDER BY s.contact_id, cr.form_id, cr.signed_at DESC`);
    const out: Due[] = [];
    for (const x of r.rows) {
      const base = {
        consentId: x.consent_id,
        contactId: x.contact_id,
        contactName: x.contact_name,
        formName: x.form_name,
      };
      if (x.current_version !== null && Number(x.current_version) > Number(x.signed_version))
        out.push({
          ...base,
          ref: `consent:${x.consent_id}:v${x.current_version}`,
          why: "the consent text has changed",
        });
      if (x.old)
        out.push({ ...base, ref: `consent:${x.consent_id}:12m`, why: "it was signed over 12 months ago" });
    }
    if (!out.length) return out;
    const have = await tx
      .select({ ref: tasks.sourceRef })
      .from(tasks)
      .where(
        and(
          eq(tasks.userId, ctx.userId),
          eq(tasks.source, "consent"),
          inArray(
            tasks.sourceRef,
            out.map((d) => d.ref),
          ),
        ),
      );
    const seen = new Set(have.map((h) => h.ref));
    return out.filter((d) => !seen.has(d.ref));
  });
  let created = 0;
  for (const d of due) {
    try {
      await createTask(
        ctx,
        {
          title: `Ask ${d.contactName} to sign "${d.formName}" again`.slice(0, 300),
          notes: `Re-consent: ${d.why}.`,
          contactIds: [d.contactId],
        },
        { source: "consent", sourceRef: d.ref },
      );
      created++;
    } catch (e) {
      // A racing run created it first (tasks_consent_ref_uq): nothing to do.
      if (!isUniqueViolation(e)) throw e;
    }
  }
  if (created) ctx.log.info({ created }, "re-consent reminders created");
  return { created };
}

function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e; x && typeof x === "object"; x = (x as { cause?: unknown }).cause)
    if ((x as { code?: string }).code === "23505") return true;
  return false;
}
