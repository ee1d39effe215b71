import { publicRoute } from "@/server/http/route";
import { err, ok } from "@/server/http/responses";
import { getHealth } from "@/server/health/get-health";
import { healthContract } from "@/server/http/contracts/health";

export const dynamic = "force-dynamic";

export const GET = publicRoute(healthContract, async () => {
  const { healthy, health } = await getHealth();
  return healthy ? ok(health) : err(503, "service_unavailable", health);
});
