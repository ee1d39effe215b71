import { signInContract } from "@/server/http/contracts/auth";
import { signIn } from "@/server/auth/sign-in";
import { publicRoute } from "@/server/http/route";
import { okWithCookies } from "@/server/http/with-cookies";

export const POST = publicRoute(signInContract, async ({ req, body }) => {
  const { user, setCookies } = await signIn(req, body);
  return okWithCookies({ user }, setCookies);
});
