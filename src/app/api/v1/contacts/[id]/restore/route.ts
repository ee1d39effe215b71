import { userRoute } from "@/server/http/route";
import { restoreContactContract } from "@/server/http/contracts/contacts";
import { restoreContact } from "@/server/contacts/delete-contact";

export const dynamic = "force-dynamic";

export const POST = userRoute(restoreContactContract, ({ ctx, params }) =>
  restoreContact(ctx, { id: params.id }),
);
