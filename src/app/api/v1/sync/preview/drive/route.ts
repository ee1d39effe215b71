import { userRoute } from "@/server/http/route";
import { previewDriveContract } from "@/server/http/contracts/drive";
import { previewDriveDocuments } from "@/server/drive/preview-drive-documents";

export const dynamic = "force-dynamic";

// Only POST is allowed; other methods reach the guards so they answer 405 in the envelope.
const handler = userRoute(previewDriveContract, ({ ctx }) => previewDriveDocuments(ctx));
export { handler as POST, handler as GET, handler as PUT, handler as PATCH, handler as DELETE };
