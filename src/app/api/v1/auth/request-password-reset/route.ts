import { requestResetContract } from "@/server/http/contracts/auth";
import { requestPasswordReset } from "@/server/auth/request-password-reset";
import { publicRoute } from "@/server/http/route";

export const POST = publicRoute(requestResetContract, async ({ req, body }) => {
  await requestPasswordReset(req, body);
  return {};
});
