import { env } from "@/lib/env";
import { getDb } from "@/server/db/client";
import { readyContract } from "@/server/http/contracts/health";
import { getReadiness } from "@/server/health/get-readiness";
import { publicRoute } from "@/server/http/route";
import { err, ok } from "@/server/http/responses";

export const dynamic = "force-dynamic";

export const GET = publicRoute(readyContract, async () => {
  const r = await getReadiness({ db: async () => (await getDb()).db, redisUrl: env().REDIS_URL });
  return r.ready ? ok(r) : err(503, "service_unavailable", r);
});
