import { z } from "zod";
import { defineContract } from "../http/contract";

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
