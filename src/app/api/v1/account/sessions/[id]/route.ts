import { revokeSession } from "@/server/account/revoke-session";
import { revokeSessionContract } from "@/server/http/contracts/account";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const DELETE = userRoute(revokeSessionContract, ({ ctx, params }) =>
  revokeSession(ctx, { id: params.id }),
);
