import { publicRoute } from "@/server/http/route";
import { getOpenApi } from "@/server/openapi/get-openapi";
import { openApiContract } from "@/server/http/contracts/openapi";

export const dynamic = "force-dynamic";

export const GET = publicRoute(openApiContract, async () =>
  Response.json(getOpenApi(), { headers: { "cache-control": "public, max-age=300" } }),
);
