import { userRoute } from "@/server/http/route";
import { approveImport } from "@/server/sync/approve-import";
import { approveGmailContract } from "@/server/http/contracts/sync";

export const dynamic = "force-dynamic";

// Only POST is allowed; other methods reach the guards so they answer 405 in the envelope.
const handler = userRoute(approveGmailContract, ({ ctx }) => approveImport(ctx, { service: "gmail" }));
export { handler as POST, handler as GET, handler as PUT, handler as PATCH, handler as DELETE };
