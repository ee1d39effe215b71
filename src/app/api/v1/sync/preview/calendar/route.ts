import { userRoute } from "@/server/http/route";
import { previewCalendarContract } from "@/server/http/contracts/sync";
import { previewCalendar } from "@/server/sync/preview-calendar";

export const dynamic = "force-dynamic";

// Only POST is allowed; other methods reach the guards so they answer 405 in the envelope.
const handler = userRoute(previewCalendarContract, ({ ctx }) => previewCalendar(ctx));
export { handler as POST, handler as GET, handler as PUT, handler as PATCH, handler as DELETE };
