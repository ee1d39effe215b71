import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { appEncryptor } from "../crypto/app-crypto";
import { consentRecords } from "../db/schema/forms";
import { withUser } from "../db/with-user";
import { storeClientFile } from "../files/store-client-file";

/**
 * Puts a submission's signed PDF into the contact's files (source "consent"), so it sits
 * with their other documents; null when the submission has no consent record. The copy on
 * the consent record stays: it is the immutable original the hash describes.
 */
export async function storeConsentPdf(
  ctx: Ctx,
  input: { submissionId: string; contactId: string },
): Promise<{ fileId: string } | null> {
  const rec = await withUser(ctx, async (tx) => {
    const [r] = await tx
      .select({ pdf: consentRecords.pdfEnc, name: consentRecords.formName, at: consentRecords.signedAt })
      .from(consentRecords)
      .where(and(eq(consentRecords.userId, ctx.userId), eq(consentRecords.submissionId, input.submissionId)));
    return r;
  });
  if (!rec?.pdf) return null;
  const bytes = new Uint8Array(Buffer.from(appEncryptor().decrypt(rec.pdf, "health"), "base64"));
  const slug = rec.name.replace(/[^A-Za-z0-9]+/g, "-").slice(0, 60) || "consent";
  const { id } = await storeClientFile(ctx, {
    contactId: input.contactId,
    fileName: `${slug}-signed-${rec.at.toISOString().slice(0, 10)}.pdf`,
    mimeType: "application/pdf",
    bytes,
    source: "consent",
  });
  return { fileId: id };
}
