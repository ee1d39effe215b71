import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { appEncryptor } from "../crypto/app-crypto";
import { contactIdentities, contacts } from "../db/schema/contacts";
import { consentRecords, formSubmissions } from "../db/schema/forms";
import { AppError } from "../errors";
import type { Answers } from "./answer-schema";
import { destinations } from "./destinations";
import { fieldsOf } from "./form-view";
import type { FormField, SubmissionDto } from "./schemas";

export type SubmissionRow = typeof formSubmissions.$inferSelect;
export type Match = SubmissionDto["match"];

export function answersOf(r: SubmissionRow): Answers {
  return JSON.parse(appEncryptor().decrypt(r.answersEnc, "health")) as Answers;
}

/** The caller's submission (locked for update when asked), or 404 (also for another user's id). */
export async function requireSubmission(
  tx: Tx,
  userId: string,
  id: string,
  lock = false,
): Promise<SubmissionRow> {
  const q = tx
    .select()
    .from(formSubmissions)
    .where(and(eq(formSubmissions.userId, userId), eq(formSubmissions.id, id)))
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw new AppError("not_found", "submission not found");
  return row;
}

/**
 * Who approve writes to: the contact the answers went to (approved), the link's contact, a
 * live contact with the submitted email, else a new Prospect named after the submitter.
 */
export async function matchOf(tx: Tx, userId: string, r: SubmissionRow): Promise<Match> {
  if (r.contactId) {
    const [c] = await tx
      .select({ id: contacts.id, name: contacts.displayName })
      .from(contacts)
      .where(and(eq(contacts.userId, userId), eq(contacts.id, r.contactId), isNull(contacts.deletedAt)));
    const kind = r.status === "approved" ? ((r.applied?.matchKind as Match["kind"]) ?? "link") : "link";
    if (c) return { kind, contactId: c.id, displayName: c.name };
  }
  if (r.submitterEmail) {
    const [c] = await tx
      .select({ id: contacts.id, name: contacts.displayName })
      .from(contactIdentities)
      .innerJoin(contacts, eq(contacts.id, contactIdentities.contactId))
      .where(
        and(
          eq(contactIdentities.userId, userId),
          eq(contactIdentities.kind, "email"),
          eq(contactIdentities.valueNormalized, r.submitterEmail.trim().toLowerCase()),
          isNull(contacts.deletedAt),
        ),
      )
      .limit(1);
    if (c) return { kind: "email", contactId: c.id, displayName: c.name };
  }
  return { kind: "new", contactId: null, displayName: r.submitterName ?? r.submitterEmail ?? "New client" };
}

export async function toSubmissionDto(tx: Tx, userId: string, r: SubmissionRow): Promise<SubmissionDto> {
  const fields: FormField[] = fieldsOf(r.fields);
  const [consent] = await tx
    .select({ id: consentRecords.id })
    .from(consentRecords)
    .where(and(eq(consentRecords.userId, userId), eq(consentRecords.submissionId, r.id)));
  return {
    id: r.id,
    formId: r.formId,
    formName: r.formName,
    status: r.status,
    submitterName: r.submitterName,
    submitterEmail: r.submitterEmail,
    match: await matchOf(tx, userId, r),
    destinations: destinations(fields, answersOf(r)),
    consentId: consent?.id ?? null,
    createdAt: r.createdAt.toISOString(),
    approvedAt: r.approvedAt?.toISOString() ?? null,
  };
}
