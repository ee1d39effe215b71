import { userRoute } from "@/server/http/route";
import { previewDriveContract } from "@/server/http/contracts/sync";
import { previewDrive } from "@/server/sync/preview-drive";

export const dynamic = "force-dynamic";

// Only POST is allowed; other methods reach the guards so they answer 405 in the envelope.
const handler = userRoute(previewDriveContract, ({ ctx }) => previewDrive(ctx));
export { handler as POST, handler as GET, handler as PUT, handler as PATCH, handler as DELETE };
