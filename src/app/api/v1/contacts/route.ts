import { userRoute } from "@/server/http/route";
import { createContactContract, listContactsContract } from "@/server/http/contracts/contacts";
import { listContacts } from "@/server/contacts/list-contacts";
import { createContact } from "@/server/contacts/create-contact";
import { ok } from "@/server/http/responses";

export const dynamic = "force-dynamic";

export const GET = userRoute(listContactsContract, ({ ctx, query }) => listContacts(ctx, query));

export const POST = userRoute(createContactContract, async ({ ctx, body }) =>
  ok(await createContact(ctx, body), { status: 201 }),
);
