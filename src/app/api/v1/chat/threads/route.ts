import { userRoute } from "@/server/http/route";
import { listThreadsContract } from "@/server/http/contracts/ai";
import { listThreads } from "@/server/ai/chat/thread-store";

export const dynamic = "force-dynamic";

export const GET = userRoute(listThreadsContract, ({ ctx }) => listThreads(ctx));
