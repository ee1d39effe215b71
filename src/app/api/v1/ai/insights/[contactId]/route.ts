import { userRoute } from "@/server/http/route";
import { generateInsightContract, getInsightContract } from "@/server/http/contracts/ai";
import { generateContactInsight } from "@/server/ai/insights/generate-contact-insight";
import { getContactInsight } from "@/server/ai/insights/get-contact-insight";

export const dynamic = "force-dynamic";

export const GET = userRoute(getInsightContract, ({ ctx, params }) =>
  getContactInsight(ctx, params.contactId),
);

export const POST = userRoute(generateInsightContract, ({ ctx, params }) =>
  generateContactInsight(ctx, { contactId: params.contactId }),
);
