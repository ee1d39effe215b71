import { getContactActivity } from "@/server/contacts/get-contact-activity";
import { contactActivityContract } from "@/server/http/contracts/charts";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = userRoute(contactActivityContract, ({ ctx, params }) =>
  getContactActivity(ctx, { id: params.id }),
);
