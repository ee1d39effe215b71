import { getContactRhythmContract, putContactRhythmContract } from "@/server/http/contracts/followups";
import { userRoute } from "@/server/http/route";
import { getContactRhythm } from "@/server/rhythms/get-contact-rhythm";
import { setContactRhythm } from "@/server/rhythms/set-contact-rhythm";

export const dynamic = "force-dynamic";

export const GET = userRoute(getContactRhythmContract, ({ ctx, params }) =>
  getContactRhythm(ctx, { contactId: params.id }),
);

export const PUT = userRoute(putContactRhythmContract, ({ ctx, params, body }) =>
  setContactRhythm(ctx, { contactId: params.id, body: body! }),
);
