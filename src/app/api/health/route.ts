import { apiRoute } from "@/server/http/handler";
import { err, ok } from "@/server/http/responses";
import { getHealth } from "@/server/health/get-health";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  const { healthy, health } = await getHealth();
  return healthy ? ok(health) : err(503, "service_unavailable", health);
});
