import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { createContact } from "../contacts/create-contact";
import { getContact } from "../contacts/get-contact";
import type { HealthContext, UpdateContactInput } from "../contacts/schemas";
import { updateContact } from "../contacts/update-contact";
import { normalizeEmail, normalizePhone } from "../contacts/identity-normalize";
import { contacts } from "../db/schema/contacts";
import { formSubmissions } from "../db/schema/forms";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { createNote } from "../notes/create-note";
import { HEALTH_KEYS, type HealthKey } from "./constants";
import type { Answers } from "./answer-schema";
import { answerText, destinations, targetOf } from "./destinations";
import { fieldsOf } from "./form-view";
import type { FormField, SubmissionDto } from "./schemas";
import { storeConsentPdf } from "./store-consent-pdf";
import { answersOf, matchOf, requireSubmission, toSubmissionDto } from "./submission-view";

/** What approve wrote, kept on the submission so undo reverts exactly that. */
export type Applied = {
  matchKind: "link" | "email" | "new";
  contactId: string;
  createdContact: boolean;
  /** The contact's values before approve (absent for a contact approve created). */
  before?: {
    displayName: string;
    birthday: string | null;
    address: string | null;
    referralSource: string | null;
    emails: { value: string; isPrimary: boolean }[];
    phones: { value: string; isPrimary: boolean }[];
    /** The health context ciphertext as it was (restored as is, never decrypted for this). */
    healthContextEnc: string | null;
  };
  noteId: string | null;
  /** The signed PDF's copy in the contact's files (removed again by undo). */
  fileId?: string | null;
};

const HEALTH_MAX: Record<HealthKey, number> = {
  conditions: 5000,
  allergies: 5000,
  medications: 5000,
  notes: 10000,
};

/**
 * Applies a pending submission: to the link's contact, the contact with the submitted email,
 * or a new Prospect. Contact fields are set, emails and phones added, health answers appended
 * to the encrypted health context (through updateContact, the one place it is encrypted),
 * everything else goes into one note, and the signed PDF is copied into the contact's files.
 * One transaction; a second approve is a 409.
 */
export async function approveSubmission(ctx: Ctx, input: { id: string }): Promise<SubmissionDto> {
  return withUser(ctx, async (tx) => {
    const c = { ...ctx, tx };
    const sub = await requireSubmission(tx, ctx.userId, input.id, true);
    if (sub.status !== "pending") throw new AppError("conflict", "This submission was already approved");
    const fields = fieldsOf(sub.fields);
    const answers = answersOf(sub);
    const dests = destinations(fields, answers);
    const match = await matchOf(tx, ctx.userId, sub);
    const value = (t: string) => dests.find((d) => d.target === t)?.value;

    let contactId = match.contactId;
    let before: Applied["before"];
    if (!contactId) {
      const created = await createContact(c, {
        displayName: (value("contact.name") ?? match.displayName).slice(0, 200),
        stage: "Prospect",
        source: "form",
      });
      contactId = created.id;
    } else {
      const cur = await getContact(c, { id: contactId });
      const [row] = await tx
        .select({ enc: contacts.healthContextEnc })
        .from(contacts)
        .where(and(eq(contacts.userId, ctx.userId), eq(contacts.id, contactId)));
      before = {
        displayName: cur.displayName,
        birthday: cur.birthday,
        address: cur.address,
        referralSource: cur.referralSource,
        emails: cur.emails,
        phones: cur.phones.map((p) => ({ value: p.value, isPrimary: p.isPrimary })),
        healthContextEnc: row?.enc ?? null,
      };
    }
    const cur = await getContact(c, { id: contactId });
    const patch: UpdateContactInput = {};
    if (value("contact.name") && before) patch.displayName = value("contact.name")!.slice(0, 200);
    if (value("contact.birthday")) patch.birthday = value("contact.birthday");
    if (value("contact.address")) patch.address = value("contact.address")!.slice(0, 1000);
    if (value("contact.referralSource"))
      patch.referralSource = value("contact.referralSource")!.slice(0, 200);
    const email = value("contact.email");
    if (email && !cur.emails.some((e) => normalizeEmail(e.value) === normalizeEmail(email)))
      patch.emails = [...cur.emails, { value: email, isPrimary: cur.emails.length === 0 }];
    const phone = value("contact.phone");
    if (phone && !cur.phones.some((p) => p.normalized === normalizePhone(phone)))
      patch.phones = [
        ...cur.phones.map((p) => ({ value: p.value, isPrimary: p.isPrimary })),
        { value: phone, isPrimary: cur.phones.length === 0 },
      ];
    const health = mergeHealth(cur.healthContext, fields, answers);
    if (health) patch.healthContext = health;
    if (Object.keys(patch).length) await updateContact(c, { id: contactId, patch });

    const noteLines = dests.filter((d) => d.target === "note").map((d) => `**${d.label}**\n${d.value}`);
    const note = noteLines.length
      ? await createNote(c, {
          contactId,
          body: `${sub.formName}\n\n${noteLines.join("\n\n")}`.slice(0, 50_000),
        })
      : null;

    const file = await storeConsentPdf(c, { submissionId: sub.id, contactId });

    const applied: Applied = {
      matchKind: match.kind,
      contactId,
      createdContact: !before,
      before,
      noteId: note?.id ?? null,
      fileId: file?.fileId ?? null,
    };
    const [row] = await tx
      .update(formSubmissions)
      .set({ status: "approved", contactId, applied, approvedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(formSubmissions.userId, ctx.userId), eq(formSubmissions.id, sub.id)))
      .returning();
    return toSubmissionDto(tx, ctx.userId, row!);
  });
}

/** The contact's health context with the form's health answers appended (null when none). */
function mergeHealth(cur: HealthContext | null, fields: FormField[], answers: Answers): HealthContext | null {
  const add: Partial<Record<HealthKey, string[]>> = {};
  const push = (k: HealthKey, s: string) => (add[k] ??= []).push(s);
  for (const f of fields) {
    const target = targetOf(f);
    const v = answers[f.id];
    if (v === undefined || v === false || v === "") continue;
    if (target === "health" && typeof v === "object" && !Array.isArray(v)) {
      for (const k of HEALTH_KEYS) if (v[k]) push(k, v[k]);
    } else if (target.startsWith("health.")) {
      push(target.slice(7) as HealthKey, `${f.label}: ${answerText(f, v)}`);
    }
  }
  if (!Object.keys(add).length) return null;
  const next: HealthContext = { ...(cur ?? {}) };
  for (const [k, parts] of Object.entries(add) as [HealthKey, string[]][]) {
    const joined = [next[k], ...parts].filter(Boolean).join("\n");
    next[k] = joined.slice(0, HEALTH_MAX[k]);
  }
  return next;
}
