import { env } from "@/lib/env";
import { publicRoute } from "@/server/http/route";
import { authorizeMetrics } from "@/server/metrics/authorize-metrics";
import { metricsContract } from "@/server/http/contracts/metrics";
import { metricsRegistry } from "@/server/metrics/registry";

export const dynamic = "force-dynamic";

export const GET = publicRoute(metricsContract, async ({ req }) => {
  authorizeMetrics(req.headers.get("authorization"), env());
  return new Response(await metricsRegistry.metrics(), {
    headers: { "content-type": metricsRegistry.contentType, "cache-control": "no-store" },
  });
});
