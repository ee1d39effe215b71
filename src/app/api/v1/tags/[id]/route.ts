import { userRoute } from "@/server/http/route";
import { deleteTagContract, updateTagContract } from "@/server/tags/contracts";
import { deleteTag, updateTag } from "@/server/tags/tag-ops";
import { pathId } from "@/server/contacts/route-params";

export const dynamic = "force-dynamic";

export const PATCH = userRoute(updateTagContract, ({ ctx, params, body }) =>
  updateTag(ctx, { id: pathId(params), patch: body! }),
);

export const DELETE = userRoute(deleteTagContract, ({ ctx, params }) =>
  deleteTag(ctx, { id: pathId(params) }),
);
