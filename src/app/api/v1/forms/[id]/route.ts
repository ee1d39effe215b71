import { deleteForm } from "@/server/forms/delete-form";
import { getForm } from "@/server/forms/get-form";
import { updateForm } from "@/server/forms/update-form";
import { deleteFormContract, getFormContract, updateFormContract } from "@/server/http/contracts/forms";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = userRoute(getFormContract, ({ ctx, params }) => getForm(ctx, { id: params.id }));

export const PATCH = userRoute(updateFormContract, ({ ctx, params, body }) =>
  updateForm(ctx, { id: params.id, patch: body }),
);

export const DELETE = userRoute(deleteFormContract, ({ ctx, params }) => deleteForm(ctx, { id: params.id }));
