import { userRoute } from "@/server/http/route";
import { undoContract } from "@/server/http/contracts/sync";
import { undoBatch } from "@/server/sync/undo-batch";

export const dynamic = "force-dynamic";

export const POST = userRoute(undoContract, ({ ctx, body }) => undoBatch(ctx, body ?? {}));
