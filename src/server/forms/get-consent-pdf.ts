import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { appEncryptor } from "../crypto/app-crypto";
import { consentRecords, formSubmissions } from "../db/schema/forms";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";

/** The signed form's PDF of one of the contact's consent records (404 for anyone else's). */
export async function getConsentPdf(
  ctx: Ctx,
  input: { contactId: string; consentId: string },
): Promise<{ bytes: Uint8Array; fileName: string }> {
  return withUser(ctx, async (tx) => {
    const [row] = await tx
      .select({ pdf: consentRecords.pdfEnc, name: consentRecords.formName, at: consentRecords.signedAt })
      .from(consentRecords)
      .innerJoin(formSubmissions, eq(formSubmissions.id, consentRecords.submissionId))
      .where(
        and(
          eq(consentRecords.userId, ctx.userId),
          eq(consentRecords.id, input.consentId),
          eq(formSubmissions.contactId, input.contactId),
        ),
      );
    if (!row?.pdf) throw new AppError("not_found", "consent PDF not found");
    const bytes = new Uint8Array(Buffer.from(appEncryptor().decrypt(row.pdf, "health"), "base64"));
    const slug = row.name.replace(/[^A-Za-z0-9]+/g, "-").slice(0, 60) || "consent";
    return { bytes, fileName: `${slug}-${row.at.toISOString().slice(0, 10)}.pdf` };
  });
}
