import { deleteAccountContract } from "@/server/http/contracts/auth";
import { deleteAccount } from "@/server/auth/delete-account";
import { userRoute } from "@/server/http/route";
import { okWithCookies } from "@/server/http/with-cookies";

export const POST = userRoute(deleteAccountContract, async ({ req, user, body }) => {
  const { setCookies } = await deleteAccount(req, user.id, body);
  return okWithCookies({}, setCookies);
});
