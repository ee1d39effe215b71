import { createForm } from "@/server/forms/create-form";
import { listForms } from "@/server/forms/list-forms";
import { createFormContract, listFormsContract } from "@/server/http/contracts/forms";
import { ok } from "@/server/http/responses";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = userRoute(listFormsContract, ({ ctx }) => listForms(ctx));

export const POST = userRoute(createFormContract, async ({ ctx, body }) =>
  ok(await createForm(ctx, body), { status: 201 }),
);
