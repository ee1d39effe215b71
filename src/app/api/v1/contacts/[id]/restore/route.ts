import { userRoute } from "@/server/http/route";
import { restoreContactContract } from "@/server/contacts/contracts";
import { restoreContact } from "@/server/contacts/delete-contact";
import { pathId } from "@/server/contacts/route-params";

export const dynamic = "force-dynamic";

export const POST = userRoute(restoreContactContract, ({ ctx, params }) =>
  restoreContact(ctx, { id: pathId(params) }),
);
