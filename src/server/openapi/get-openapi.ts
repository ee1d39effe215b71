import { buildOpenApi } from "./build-openapi";

let cached: Record<string, unknown> | undefined;

/** The OpenAPI document, built once per process (contracts cannot change at run time). */
export function getOpenApi(): Record<string, unknown> {
  cached ??= buildOpenApi();
  return cached;
}
