import { userRoute } from "@/server/http/route";
import { generateInsightContract, getInsightContract } from "@/server/ai/contracts";
import { generateContactInsight } from "@/server/ai/insights/generate-contact-insight";
import { getContactInsight } from "@/server/ai/insights/get-contact-insight";
import { pathId } from "@/server/contacts/route-params";

export const dynamic = "force-dynamic";

export const GET = userRoute(getInsightContract, ({ ctx, params }) =>
  getContactInsight(ctx, pathId(params, "contactId")),
);

export const POST = userRoute(generateInsightContract, ({ ctx, params }) =>
  generateContactInsight(ctx, { contactId: pathId(params, "contactId") }),
);
