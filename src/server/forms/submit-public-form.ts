import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { authUsers } from "../db/schema/auth";
import { consentRecords, formLinks, formSubmissions, forms } from "../db/schema/forms";
import { withUser } from "../db/with-user";
import { appEncryptor } from "../crypto/app-crypto";
import { AppError, zodDetails } from "../errors";
import { answerSchema, needsSignature } from "./answer-schema";
import { consentTextOf, recordHash, sha256Hex } from "./consent-hash";
import { targetOf } from "./destinations";
import { fieldsOf } from "./form-view";
import { isUsable, notFound, resolveFormLink } from "./resolve-form-link";
import { renderConsentPdf } from "./render-consent-pdf";
import { publicSubmitInput, type PublicSubmitInput } from "./schemas";
import { decodeSignaturePng } from "./signature-png";

export type SubmitMeta = { ip: string | null; userAgent: string | null };

/**
 * A client sends a form. The answers are checked against the form's own fields, a drawn
 * signature must be a small PNG, and a one-time link is used up in the same transaction
 * (the row lock makes two racing posts one success and one 404). Nothing touches the
 * contact yet: the submission waits for the practitioner's preview → approve. A form with
 * a consent block leaves an immutable consent record and its PDF now, at signing time.
 * A filled honeypot is answered like a success and stores nothing.
 */
export async function submitPublicForm(
  db: Db,
  token: string,
  raw: PublicSubmitInput,
  meta: SubmitMeta,
): Promise<{ received: true }> {
  const input = publicSubmitInput.parse(raw);
  const { ctx, link: resolved } = await resolveFormLink(db, token);
  if (input.website) {
    ctx.log.warn("form honeypot filled; ignored");
    return { received: true };
  }
  const ip = meta.ip?.slice(0, 100) ?? null;
  const userAgent = meta.userAgent?.slice(0, 500) ?? null;
  await withUser(ctx, async (tx) => {
    const [link] = await tx.select().from(formLinks).where(eq(formLinks.id, resolved.id)).for("update");
    if (!link || !isUsable(link)) throw notFound();
    const [row] = await tx
      .select({ form: forms, practitioner: authUsers.name })
      .from(forms)
      .innerJoin(authUsers, eq(authUsers.id, forms.userId))
      .where(and(eq(forms.userId, ctx.userId), eq(forms.id, link.formId)));
    if (!row) throw notFound();
    const fields = fieldsOf(row.form.fields);
    const parsed = answerSchema(fields).safeParse(input.answers);
    if (!parsed.success)
      throw new AppError("invalid_body", "Some answers need another look", zodDetails(parsed.error));
    const answers = parsed.data;
    const consentText = consentTextOf(fields);
    const sig = input.signature;
    if (needsSignature(fields) && !sig)
      throw new AppError("invalid_body", "Please sign the form", {
        fields: { signature: ["Please sign the form"] },
      });
    const signaturePng = sig ? decodeSignaturePng(sig.image) : null;

    const emailField = fields.find(
      (f) => targetOf(f) === "contact.email" && typeof answers[f.id] === "string",
    );
    const nameField = fields.find((f) => targetOf(f) === "contact.name" && typeof answers[f.id] === "string");
    const submitterName = (nameField ? (answers[nameField.id] as string) : null) ?? sig?.name ?? null;
    const now = new Date();
    const [sub] = await tx
      .insert(formSubmissions)
      .values({
        userId: ctx.userId,
        formId: row.form.id,
        linkId: link.id,
        formName: row.form.name,
        fields,
        answersEnc: appEncryptor().encrypt(JSON.stringify(answers), "health"),
        submitterName,
        submitterEmail: emailField ? (answers[emailField.id] as string).toLowerCase() : null,
        contactId: link.contactId,
        ip,
        userAgent,
        createdAt: now,
      })
      .returning({ id: formSubmissions.id });
    await tx
      .update(formLinks)
      .set({ useCount: sql`${formLinks.useCount} + 1` })
      .where(and(eq(formLinks.userId, ctx.userId), eq(formLinks.id, link.id)));

    if (consentText) {
      const signerName = sig?.name ?? submitterName ?? "";
      const signatureDataUrl = sig && signaturePng ? sig.image : null;
      const hashed = {
        formName: row.form.name,
        consentText,
        consentVersion: row.form.consentVersion,
        signerName,
        signaturePng: signatureDataUrl,
        signedAt: now,
        ip,
        userAgent,
      };
      const recordSha256 = recordHash(hashed);
      const pdf = await renderPdf({
        formName: row.form.name,
        practitioner: row.practitioner,
        fields,
        answers,
        signerName,
        signaturePng,
        signedAt: now,
        ip,
        consentVersion: row.form.consentVersion,
        recordSha256,
      });
      await tx.insert(consentRecords).values({
        userId: ctx.userId,
        submissionId: sub!.id,
        formId: row.form.id,
        ...hashed,
        textSha256: sha256Hex(consentText),
        recordSha256,
        pdfEnc: appEncryptor().encrypt(Buffer.from(pdf).toString("base64"), "health"),
      });
    }
  });
  return { received: true };
}

/** pdf-lib rejects a PNG it cannot decode: that is the client's bad image, a 400. */
async function renderPdf(i: Parameters<typeof renderConsentPdf>[0]): Promise<Uint8Array> {
  try {
    return await renderConsentPdf(i);
  } catch (e) {
    if (i.signaturePng)
      throw new AppError("invalid_body", "the signature image could not be read", {
        fields: { signature: ["The signature image could not be read"] },
      });
    throw e;
  }
}
