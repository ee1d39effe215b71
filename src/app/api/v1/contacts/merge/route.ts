import { userRoute } from "@/server/http/route";
import { mergeContactsContract } from "@/server/contacts/merge-contracts";
import { mergeContacts } from "@/server/contacts/merge-contacts";

export const dynamic = "force-dynamic";

export const POST = userRoute(mergeContactsContract, ({ ctx, body }) => mergeContacts(ctx, body!));
