import { createTemplateContract, listTemplatesContract } from "@/server/http/contracts/templates";
import { userRoute } from "@/server/http/route";
import { createTemplate } from "@/server/templates/create-template";
import { listTemplates } from "@/server/templates/list-templates";

export const dynamic = "force-dynamic";

export const GET = userRoute(listTemplatesContract, ({ ctx }) => listTemplates(ctx));

export const POST = userRoute(createTemplateContract, ({ ctx, body }) => createTemplate(ctx, body));
