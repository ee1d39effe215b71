import { userRoute } from "@/server/http/route";
import { approveDriveContract } from "@/server/http/contracts/drive";
import { approveDriveImport } from "@/server/drive/approve-drive-import";

export const dynamic = "force-dynamic";

// Only POST is allowed; other methods reach the guards so they answer 405 in the envelope.
const handler = userRoute(approveDriveContract, ({ ctx }) => approveDriveImport(ctx));
export { handler as POST, handler as GET, handler as PUT, handler as PATCH, handler as DELETE };
