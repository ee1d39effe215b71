import { mergeTagsContract } from "@/server/http/contracts/tag-merge";
import { userRoute } from "@/server/http/route";
import { mergeTags } from "@/server/tags/merge-tags";

export const dynamic = "force-dynamic";

export const POST = userRoute(mergeTagsContract, ({ ctx, body }) => mergeTags(ctx, body));
