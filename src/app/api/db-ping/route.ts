import { apiRoute } from "@/server/http/handler";
import { err, ok } from "@/server/http/responses";
import { pingDb } from "@/server/health/ping-db";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => ((await pingDb()) ? ok({}) : err(500, "db_error")));
