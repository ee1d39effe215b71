import { currentLog, requestIdFrom, withLogScope } from "../log-context";
import { httpRequestDuration } from "../metrics/registry";
import { errFromUnknown } from "./responses";

export type RouteArgs = { params: Promise<Record<string, string | string[]>> };
export type RouteFn = (req: Request, args: RouteArgs) => Promise<Response>;

/**
 * Wraps a route handler: binds a request id and child logger for the request, maps any
 * thrown error to the envelope (never a stack trace), and logs one line per request.
 * Checks that must run on every API request live here rather than in middleware, which
 * costs throughput on every request including static assets.
 */
export function apiRoute(fn: RouteFn, route = "unmatched"): RouteFn {
  return (req, args) => {
    const requestId = requestIdFrom(req.headers.get("x-request-id"));
    return withLogScope({ requestId }, async () => {
      const started = performance.now();
      let res: Response;
      try {
        res = await fn(req, args);
      } catch (e) {
        res = errFromUnknown(e);
      }
      if (!res.headers.has("x-request-id")) res.headers.set("x-request-id", requestId);
      const ms = performance.now() - started;
      // Labelled by the route template (never the raw URL) so series stay bounded.
      httpRequestDuration.observe({ method: req.method, route, status: res.status }, ms / 1000);
      currentLog().debug(
        {
          method: req.method,
          path: new URL(req.url).pathname,
          status: res.status,
          ms: Math.round(ms),
        },
        "request",
      );
      return res;
    });
  };
}
