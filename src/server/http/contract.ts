import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One API endpoint's contract. Route handlers validate with these exact schemas and the
 * OpenAPI document is generated from them, so the spec cannot drift from the code.
 * `path` is the canonical versioned path in OpenAPI style: `/api/v1/contacts/{id}`.
 */
export type Contract<
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | undefined = z.ZodType | undefined,
> = {
  method: HttpMethod;
  path: string;
  summary: string;
  tags: string[];
  /** "user" = signed-in session required (401 otherwise); "public" = no session needed. */
  auth: "user" | "public" | "token";
  body?: B;
  query?: Q;
  response?: R;
  /** Extra error codes this endpoint may answer with (documented in the spec). */
  errors?: string[];
  /** Media type of a success body that is not the JSON envelope (e.g. Prometheus text). */
  responseType?: string;
  /** Largest request body (bytes), enforced before authentication; API_MAX_JSON_BYTES when unset. */
  maxBodyBytes?: number;
  /** Rate-limit group; defaults to "api" for user routes. */
  rateLimit?: "api" | "auth" | "ai" | "none";
};

const registry = new Map<string, Contract>();

export function defineContract<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(c: Contract<B, Q, R>): Contract<B, Q, R> {
  registry.set(`${c.method} ${c.path}`, c as Contract);
  return c;
}

export function registeredContracts(): Contract[] {
  return [...registry.values()];
}
