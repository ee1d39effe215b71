import { userRoute } from "@/server/http/route";
import { searchContract } from "@/server/http/contracts/search";
import { keywordSearch } from "@/server/search/keyword-search";

export const dynamic = "force-dynamic";

export const GET = userRoute(searchContract, ({ ctx, query }) => keywordSearch(ctx, query));
