import { userRoute } from "@/server/http/route";
import { deleteTagContract, updateTagContract } from "@/server/http/contracts/tags";
import { deleteTag } from "@/server/tags/delete-tag";
import { updateTag } from "@/server/tags/update-tag";

export const dynamic = "force-dynamic";

export const PATCH = userRoute(updateTagContract, ({ ctx, params, body }) =>
  updateTag(ctx, { id: params.id, patch: body }),
);

export const DELETE = userRoute(deleteTagContract, ({ ctx, params }) => deleteTag(ctx, { id: params.id }));
