import { signUpContract } from "@/server/http/contracts/auth";
import { signUp } from "@/server/auth/sign-up";
import { publicRoute } from "@/server/http/route";
import { okWithCookies } from "@/server/http/with-cookies";

export const POST = publicRoute(signUpContract, async ({ req, body }) => {
  const { user, setCookies } = await signUp(req, body);
  return okWithCookies({ user }, setCookies);
});
