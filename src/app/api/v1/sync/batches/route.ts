import { userRoute } from "@/server/http/route";
import { listBatchesContract } from "@/server/http/contracts/sync";
import { listBatches } from "@/server/sync/list-batches";

export const dynamic = "force-dynamic";

export const GET = userRoute(listBatchesContract, async ({ ctx }) => ({ items: await listBatches(ctx) }));
