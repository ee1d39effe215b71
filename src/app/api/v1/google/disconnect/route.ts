import { disconnectGoogle } from "@/server/sync/disconnect-google";
import { userRoute } from "@/server/http/route";
import { googleDisconnectContract } from "@/server/http/contracts/sync";

export const dynamic = "force-dynamic";

export const POST = userRoute(googleDisconnectContract, ({ ctx, body }) => disconnectGoogle(ctx, body));
