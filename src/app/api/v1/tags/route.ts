import { userRoute } from "@/server/http/route";
import { ok } from "@/server/http/responses";
import { createTagContract, listTagsContract } from "@/server/http/contracts/tags";
import { createTag, listTags } from "@/server/tags/tag-ops";

export const dynamic = "force-dynamic";

export const GET = userRoute(listTagsContract, ({ ctx }) => listTags(ctx));

export const POST = userRoute(createTagContract, async ({ ctx, body }) =>
  ok(await createTag(ctx, body), { status: 201 }),
);
