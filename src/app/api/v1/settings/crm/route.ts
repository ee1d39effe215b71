import { userRoute } from "@/server/http/route";
import { getCrmSettingsContract, updateCrmSettingsContract } from "@/server/http/contracts/crm-settings";
import { getCrmSettings, updateCrmSettings } from "@/server/crm-settings/crm-settings";

export const dynamic = "force-dynamic";

export const GET = userRoute(getCrmSettingsContract, ({ ctx }) => getCrmSettings(ctx));

export const PATCH = userRoute(updateCrmSettingsContract, ({ ctx, body }) => updateCrmSettings(ctx, body));
