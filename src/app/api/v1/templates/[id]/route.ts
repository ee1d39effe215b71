import {
  deleteTemplateContract,
  getTemplateContract,
  updateTemplateContract,
} from "@/server/http/contracts/templates";
import { userRoute } from "@/server/http/route";
import { deleteTemplate } from "@/server/templates/delete-template";
import { getTemplate } from "@/server/templates/get-template";
import { updateTemplate } from "@/server/templates/update-template";

export const dynamic = "force-dynamic";

export const GET = userRoute(getTemplateContract, ({ ctx, params, query }) =>
  getTemplate(ctx, { id: params.id, contactId: query.contactId }),
);

export const PATCH = userRoute(updateTemplateContract, ({ ctx, params, body }) =>
  updateTemplate(ctx, { id: params.id, patch: body }),
);

export const DELETE = userRoute(deleteTemplateContract, ({ ctx, params }) =>
  deleteTemplate(ctx, { id: params.id }),
);
