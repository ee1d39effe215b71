import { getConsentPdf } from "@/server/forms/get-consent-pdf";
import { consentPdfContract } from "@/server/http/contracts/forms";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = userRoute(consentPdfContract, async ({ ctx, params }) => {
  const pdf = await getConsentPdf(ctx, { contactId: params.id, consentId: params.consentId });
  return new Response(Buffer.from(pdf.bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${pdf.fileName}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
