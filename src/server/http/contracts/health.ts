import { z } from "zod";
import { defineContract } from "../contract";

export const healthContract = defineContract({
  method: "GET",
  path: "/api/v1/health",
  summary: "Liveness with dependency states (503 when the database or queue is down)",
  tags: ["ops"],
  auth: "public",
  rateLimit: "none",
  response: z.object({
    ts: z.string(),
    db: z.boolean(),
    dbKind: z.enum(["pglite", "postgres"]).optional(),
    vector: z.boolean(),
    search: z.enum(["hybrid", "keyword"]),
    queue: z.object({
      mode: z.enum(["embedded", "bullmq"]),
      ok: z.boolean(),
      waiting: z.number(),
      active: z.number(),
      failed: z.number(),
    }),
  }),
  errors: ["service_unavailable"],
});

export const dbPingContract = defineContract({
  method: "GET",
  path: "/api/v1/db-ping",
  summary: "Database round trip",
  tags: ["ops"],
  auth: "public",
  rateLimit: "none",
  response: z.object({}),
  errors: ["db_error"],
});

const check = z.object({
  state: z.enum(["ok", "down", "pending", "skipped"]),
  latencyMs: z.number(),
  error: z.enum(["timeout", "unavailable"]).optional(),
  pending: z.array(z.string()).optional(),
});

export const readyContract = defineContract({
  method: "GET",
  path: "/api/v1/ready",
  summary:
    "Readiness: database, Redis (when configured) and migrations current, each with state and latency; 503 when not ready",
  tags: ["ops"],
  auth: "public",
  rateLimit: "none",
  response: z.object({
    ready: z.boolean(),
    ts: z.string(),
    checks: z.object({ database: check, redis: check, migrations: check }),
  }),
  errors: ["service_unavailable"],
});
