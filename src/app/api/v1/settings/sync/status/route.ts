import { userRoute } from "@/server/http/route";
import { syncStatusContract } from "@/server/http/contracts/sync";
import { getSyncStatus } from "@/server/sync/get-sync-status";

export const dynamic = "force-dynamic";

export const GET = userRoute(syncStatusContract, ({ ctx }) => getSyncStatus(ctx));
