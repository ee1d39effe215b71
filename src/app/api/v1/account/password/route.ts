import { changePassword } from "@/server/account/change-password";
import { changePasswordContract } from "@/server/http/contracts/account";
import { userRoute } from "@/server/http/route";
import { okWithCookies } from "@/server/http/with-cookies";

export const dynamic = "force-dynamic";

export const POST = userRoute(changePasswordContract, async ({ req, user, body }) => {
  const { setCookies } = await changePassword(req, user.id, body);
  return okWithCookies({}, setCookies);
});
