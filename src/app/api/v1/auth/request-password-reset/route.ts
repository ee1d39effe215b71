import { requestResetContract } from "@/server/auth/contracts";
import { requestPasswordReset } from "@/server/auth/request-password-reset";
import { publicRoute } from "@/server/http/route";

export const POST = publicRoute(requestResetContract, async ({ req, body }) => {
  await requestPasswordReset(req, body!);
  return {};
});
