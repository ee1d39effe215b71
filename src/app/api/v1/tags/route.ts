import { userRoute } from "@/server/http/route";
import { ok } from "@/server/http/responses";
import { createTagContract, listTagsContract } from "@/server/http/contracts/tags";
import { createTag } from "@/server/tags/create-tag";
import { listTags } from "@/server/tags/list-tags";

export const dynamic = "force-dynamic";

export const GET = userRoute(listTagsContract, ({ ctx }) => listTags(ctx));

export const POST = userRoute(createTagContract, async ({ ctx, body }) =>
  ok(await createTag(ctx, body), { status: 201 }),
);
