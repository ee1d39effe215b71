import { userRoute } from "@/server/http/route";
import { seedStarterTagsContract } from "@/server/http/contracts/tags";
import { seedStarterTags } from "@/server/tags/seed-starter-tags";

export const dynamic = "force-dynamic";

export const POST = userRoute(seedStarterTagsContract, ({ ctx }) => seedStarterTags(ctx));
