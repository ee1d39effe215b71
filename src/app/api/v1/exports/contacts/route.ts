import { userRoute } from "@/server/http/route";
import { exportContactsContract } from "@/server/http/contracts/exports";
import { exportContacts } from "@/server/exports/export-contacts";
import { stamp, streamDownload } from "@/server/exports/stream-response";

export const dynamic = "force-dynamic";

export const GET = userRoute(exportContactsContract, async ({ ctx, query }) => {
  const { format, ...filters } = query;
  return streamDownload(exportContacts(ctx, { format, filters }), {
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "text/vcard; charset=utf-8",
    filename: `omnicrm-contacts-${stamp()}.${format === "csv" ? "csv" : "vcf"}`,
  });
});
