import { snoozeContactContract } from "@/server/http/contracts/followups";
import { userRoute } from "@/server/http/route";
import { snoozeContact } from "@/server/rhythms/snooze-contact";

export const dynamic = "force-dynamic";

export const POST = userRoute(snoozeContactContract, ({ ctx, params, body }) =>
  snoozeContact(ctx, { contactId: params.id, body: body! }),
);
