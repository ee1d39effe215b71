import { userRoute } from "@/server/http/route";
import { getAiSettingsContract, updateAiSettingsContract } from "@/server/http/contracts/ai";
import { getAiSettings, updateAiSettings } from "@/server/ai/ai-settings";

export const dynamic = "force-dynamic";

export const GET = userRoute(getAiSettingsContract, ({ ctx }) => getAiSettings(ctx));

export const PUT = userRoute(updateAiSettingsContract, ({ ctx, body }) => updateAiSettings(ctx, body));
