import { getOutboxSettingsContract, updateOutboxSettingsContract } from "@/server/http/contracts/outbox";
import { userRoute } from "@/server/http/route";
import { getOutboxSettings, updateOutboxSettings } from "@/server/outbox/get-outbox-settings";

export const dynamic = "force-dynamic";

export const GET = userRoute(getOutboxSettingsContract, ({ ctx }) => getOutboxSettings(ctx));

export const PATCH = userRoute(updateOutboxSettingsContract, ({ ctx, body }) =>
  updateOutboxSettings(ctx, body),
);
