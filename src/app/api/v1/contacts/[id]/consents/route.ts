import { listContactConsents } from "@/server/forms/list-contact-consents";
import { listContactConsentsContract } from "@/server/http/contracts/forms";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = userRoute(listContactConsentsContract, ({ ctx, params }) =>
  listContactConsents(ctx, { contactId: params.id }),
);
