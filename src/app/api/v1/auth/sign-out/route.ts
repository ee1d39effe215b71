import { signOutContract } from "@/server/http/contracts/auth";
import { signOut } from "@/server/auth/sign-out";
import { publicRoute } from "@/server/http/route";
import { okWithCookies } from "@/server/http/with-cookies";

export const POST = publicRoute(signOutContract, async ({ req }) => {
  const { setCookies } = await signOut(req);
  return okWithCookies({}, setCookies);
});
