import { deleteAccountContract } from "@/server/auth/contracts";
import { deleteAccount } from "@/server/auth/delete-account";
import { userRoute } from "@/server/http/route";
import { okWithCookies } from "@/server/http/with-cookies";

export const POST = userRoute(deleteAccountContract, async ({ req, user, body }) => {
  const { setCookies } = await deleteAccount(req, user.id, body!);
  return okWithCookies({}, setCookies);
});
