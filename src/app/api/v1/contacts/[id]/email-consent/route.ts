import { getEmailConsentContract, setEmailConsentContract } from "@/server/http/contracts/outbox";
import { userRoute } from "@/server/http/route";
import { getEmailConsent } from "@/server/outbox/get-email-consent";
import { setDoNotEmail } from "@/server/outbox/set-do-not-email";

export const dynamic = "force-dynamic";

export const GET = userRoute(getEmailConsentContract, ({ ctx, params }) =>
  getEmailConsent(ctx, { contactId: params.id }),
);

export const PUT = userRoute(setEmailConsentContract, ({ ctx, params, body }) =>
  setDoNotEmail(ctx, { contactId: params.id, ...body }),
);
