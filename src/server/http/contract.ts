import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One API endpoint's contract. Route handlers validate with these exact schemas and the
 * OpenAPI document is generated from them, so the spec cannot drift from the code.
 * `path` is the canonical versioned path in OpenAPI style: `/api/v1/contacts/{id}`, and
 * `params` validates its `{placeholders}` (a malformed path id answers 404, like another
 * user's id).
 */
export type Contract<
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | undefined = z.ZodType | undefined,
  P extends z.ZodType | undefined = z.ZodType | undefined,
> = {
  method: HttpMethod;
  path: string;
  summary: string;
  tags: string[];
  /** "user" = signed-in session required (401 otherwise); "public" = no session needed. */
  auth: "user" | "public" | "token";
  params?: P;
  body?: B;
  query?: Q;
  response?: R;
  /** Extra error codes this endpoint may answer with (documented in the spec). */
  errors?: string[];
  /** Media type of a success body that is not the JSON envelope (e.g. Prometheus text). */
  responseType?: string;
  /** Largest request body (bytes), enforced before authentication; API_MAX_JSON_BYTES when unset (e.g. mail with attachments). */
  maxBodyBytes?: number;
  /**
   * A multipart/form-data request body (uploads), described for the OpenAPI document: the
   * route parses the form itself. `file` fields are binary, the others text.
   */
  multipart?: Record<string, MultipartField>;
  /** Rate-limit group; defaults to "api" for user routes. */
  rateLimit?: "api" | "auth" | "ai" | "booking" | "none";
};

export type MultipartField = { type: "file" | "text"; description: string; required?: boolean };

export function defineContract<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
>(c: Contract<B, Q, R, P>): Contract<B, Q, R, P> {
  return c;
}
