import { publicRoute } from "@/server/http/route";
import { err, ok } from "@/server/http/responses";
import { pingDb } from "@/server/health/ping-db";
import { dbPingContract } from "@/server/http/contracts/health";

export const dynamic = "force-dynamic";

export const GET = publicRoute(dbPingContract, async () =>
  (await pingDb()) ? ok({}) : err(500, "db_error"),
);
