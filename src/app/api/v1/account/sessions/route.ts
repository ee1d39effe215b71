import { listSessions } from "@/server/account/list-sessions";
import { sessionTokenFrom } from "@/server/auth/authenticate";
import { listSessionsContract } from "@/server/http/contracts/account";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = userRoute(listSessionsContract, ({ ctx, req }) =>
  listSessions(ctx, { currentToken: sessionTokenFrom(req.headers.get("cookie")) }),
);
