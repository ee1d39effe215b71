import { resetPasswordContract } from "@/server/http/contracts/auth";
import { resetPassword } from "@/server/auth/reset-password";
import { publicRoute } from "@/server/http/route";

export const POST = publicRoute(resetPasswordContract, async ({ req, body }) => {
  await resetPassword(req, body);
  return {};
});
