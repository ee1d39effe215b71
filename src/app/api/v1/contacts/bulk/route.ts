import { userRoute } from "@/server/http/route";
import { bulkContactsContract } from "@/server/http/contracts/tags";
import { bulkUpdateContacts } from "@/server/contacts/bulk-update-contacts";

export const dynamic = "force-dynamic";

export const POST = userRoute(bulkContactsContract, ({ ctx, body }) => bulkUpdateContacts(ctx, body));
