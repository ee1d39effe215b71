import { and, desc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { requireContact } from "../contacts/require-contact";
import { consentRecords, formSubmissions, forms } from "../db/schema/forms";
import { withUser } from "../db/with-user";
import { toConsentDto } from "./consent-view";
import type { ConsentDto } from "./schemas";

/** A contact's consent records (through their approved submissions), each verified against its hash. */
export async function listContactConsents(
  ctx: Ctx,
  input: { contactId: string },
): Promise<{ items: ConsentDto[] }> {
  return withUser(ctx, async (tx) => {
    await requireContact(tx, ctx.userId, input.contactId);
    const rows = await tx
      .select({ c: consentRecords, version: forms.consentVersion })
      .from(consentRecords)
      .innerJoin(formSubmissions, eq(formSubmissions.id, consentRecords.submissionId))
      .leftJoin(forms, eq(forms.id, consentRecords.formId))
      .where(
        and(
          eq(consentRecords.userId, ctx.userId),
          eq(formSubmissions.contactId, input.contactId),
          eq(formSubmissions.status, "approved"),
        ),
      )
      .orderBy(desc(consentRecords.signedAt))
      .limit(200);
    return { items: rows.map((r) => toConsentDto(r.c, r.version)) };
  });
}
