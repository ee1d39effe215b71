import { userRoute } from "@/server/http/route";
import { exportUserDataContract } from "@/server/http/contracts/exports";
import { exportUserData } from "@/server/exports/export-user-data";
import { stamp, streamDownload } from "@/server/exports/stream-response";

export const dynamic = "force-dynamic";

export const GET = userRoute(exportUserDataContract, async ({ ctx }) =>
  streamDownload(exportUserData(ctx), {
    contentType: "application/json; charset=utf-8",
    filename: `omnicrm-export-${stamp()}.json`,
  }),
);
