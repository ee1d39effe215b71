import { getDigestSettings, updateDigestSettings } from "@/server/digest/digest-settings";
import { getDigestSettingsContract, updateDigestSettingsContract } from "@/server/http/contracts/followups";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = userRoute(getDigestSettingsContract, ({ ctx }) => getDigestSettings(ctx));

export const PATCH = userRoute(updateDigestSettingsContract, ({ ctx, body }) =>
  updateDigestSettings(ctx, body!),
);
