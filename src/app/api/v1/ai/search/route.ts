import { userRoute } from "@/server/http/route";
import { hybridSearchContract } from "@/server/http/contracts/ai";
import { searchAll } from "@/server/ai/search/search-all";

export const dynamic = "force-dynamic";

export const GET = userRoute(hybridSearchContract, ({ ctx, query }) => searchAll(ctx, query));
