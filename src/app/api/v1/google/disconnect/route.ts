import { disconnectGoogle } from "@/server/google/disconnect-google";
import { userRoute } from "@/server/http/route";
import { googleDisconnectContract } from "@/server/sync/contracts";

export const dynamic = "force-dynamic";

export const POST = userRoute(googleDisconnectContract, ({ ctx, body }) => disconnectGoogle(ctx, body!));
