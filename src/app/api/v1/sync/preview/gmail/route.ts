import { userRoute } from "@/server/http/route";
import { previewGmailContract } from "@/server/http/contracts/sync";
import { previewGmail } from "@/server/sync/preview-gmail";

export const dynamic = "force-dynamic";

// Only POST is allowed; other methods reach the guards so they answer 405 in the envelope.
const handler = userRoute(previewGmailContract, ({ ctx }) => previewGmail(ctx));
export { handler as POST, handler as GET, handler as PUT, handler as PATCH, handler as DELETE };
