import { z } from "zod";
import { errorStatus, type ErrorCode } from "../errors";
import type { Contract } from "../http/contract";
import { contractModules } from "./contract-modules";

type Json = Record<string, unknown>;

/** Every contract exported by a domain's contracts.ts, sorted by path then method. */
export function allContracts(modules: Record<string, unknown>[] = contractModules): Contract[] {
  const seen = new Map<string, Contract>();
  for (const mod of modules) {
    for (const value of Object.values(mod)) {
      if (!isContract(value)) continue;
      const key = `${value.method} ${value.path}`;
      const prev = seen.get(key);
      if (prev && prev !== value) throw new Error(`two contracts define ${key}`);
      seen.set(key, value);
    }
  }
  return [...seen.values()].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function isContract(v: unknown): v is Contract {
  const c = v as Partial<Contract> | null;
  return (
    !!c && typeof c === "object" && typeof c.method === "string" && typeof c.path === "string" && !!c.tags
  );
}

/**
 * JSON Schema (2020-12, the dialect OpenAPI 3.1 uses) of what a client sends
 * (`io: "input"`: before transforms and defaults) or receives (`io: "output"`).
 */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  return rest;
}

const errorBody = (codes: string[]): Json => ({
  type: "object",
  properties: { ok: { const: false }, error: { type: "string", enum: codes }, details: {} },
  required: ["ok", "error"],
});

function errorCodes(c: Contract): ErrorCode[] {
  const codes = new Set<string>(c.errors ?? []);
  if (c.body) codes.add("invalid_body").add("payload_too_large");
  if (c.query) codes.add("invalid_query");
  if (c.auth === "user") codes.add("unauthorized");
  if (c.auth === "user" && c.method !== "GET") codes.add("invalid_csrf");
  if (c.rateLimit !== "none") codes.add("rate_limited");
  codes.add("internal_error");
  return [...codes].filter((k): k is ErrorCode => k in errorStatus);
}

function operation(c: Contract): Json {
  const parameters: Json[] = [...c.path.matchAll(/\{([^{}]+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  if (c.query) {
    const q = jsonSchemaOf(c.query, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(q.properties ?? {})) {
      parameters.push({ name, in: "query", required: q.required?.includes(name) ?? false, schema });
    }
  }
  const responses: Json = {};
  responses["200"] = c.responseType
    ? {
        description: "OK",
        content: {
          [c.responseType]: {
            schema: c.responseType.includes("json") ? { type: "object" } : { type: "string" },
          },
        },
      }
    : {
        description: "OK",
        content: {
          "application/json": {
            schema: {
              type: "object",
              properties: { ok: { const: true }, data: c.response ? jsonSchemaOf(c.response, "output") : {} },
              required: ["ok", "data"],
            },
          },
        },
      };
  const byStatus = new Map<number, string[]>();
  for (const code of errorCodes(c)) {
    const s = errorStatus[code];
    byStatus.set(s, [...(byStatus.get(s) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    responses[String(status)] = {
      description: codes.join(", "),
      content: { "application/json": { schema: errorBody(codes.sort()) } },
    };
  }
  const op: Json = {
    operationId: operationId(c),
    summary: c.summary,
    tags: c.tags,
    security: c.auth === "user" ? [{ session: [] }] : c.auth === "token" ? [{ bearer: [] }, {}] : [],
    parameters,
    responses,
  };
  if (c.body) {
    op.requestBody = {
      required: true,
      content: { "application/json": { schema: jsonSchemaOf(c.body, "input") } },
    };
  }
  return op;
}

export function operationId(c: Contract): string {
  const words = c.path
    .replace(/^\/api\/v1\//, "")
    .split(/[/{}-]+/)
    .filter(Boolean);
  return [c.method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join("");
}

/** The OpenAPI 3.1 document, generated from the same contracts the routes validate with. */
export function buildOpenApi(modules: Record<string, unknown>[] = contractModules): Json {
  const paths: Record<string, Json> = {};
  for (const c of allContracts(modules)) (paths[c.path] ??= {})[c.method.toLowerCase()] = operation(c);
  return {
    openapi: "3.1.0",
    info: {
      title: "OmniCRM API",
      version: "1",
      description:
        "Every success is `{ ok: true, data }`, every error `{ ok: false, error, details? }`. " +
        "Canonical paths are /api/v1/...; unversioned /api/... paths are aliases.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
        bearer: { type: "http", scheme: "bearer" },
      },
    },
  };
}
