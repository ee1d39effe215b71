import { userRoute } from "@/server/http/route";
import { mergeContactsContract } from "@/server/http/contracts/contacts-merge";
import { mergeContacts } from "@/server/contacts/merge-contacts";

export const dynamic = "force-dynamic";

export const POST = userRoute(mergeContactsContract, ({ ctx, body }) => mergeContacts(ctx, body));
