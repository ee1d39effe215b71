import { createFormLink } from "@/server/forms/create-form-link";
import { createFormLinkContract } from "@/server/http/contracts/forms";
import { ok } from "@/server/http/responses";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const POST = userRoute(createFormLinkContract, async ({ ctx, params, body }) =>
  ok(await createFormLink(ctx, { formId: params.id, body }), { status: 201 }),
);
