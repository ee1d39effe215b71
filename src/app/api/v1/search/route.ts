import { userRoute } from "@/server/http/route";
import { searchContract } from "@/server/http/contracts/search";
import { searchEverything } from "@/server/search/search-everything";

export const dynamic = "force-dynamic";

export const GET = userRoute(searchContract, ({ ctx, query }) => searchEverything(ctx, query));
