import type { z } from "zod";
import { env } from "@/lib/env";
import type { Ctx } from "../context";
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { authenticateSession, refreshedSessionCookie } from "../auth/authenticate";
import { runRequestGuards } from "./guards";
import { apiRoute, type RouteArgs, type RouteFn } from "./handler";
import type { Contract } from "./contract";
import { parseJsonBody, parsePathParams, parseQuery } from "./parse";
import { ok } from "./responses";
import { currentLog, withLogScope } from "../log-context";

/** The parsed value of a contract's schema; `undefined` when the contract has none. */
type Infer<T> = [NonNullable<T>] extends [never]
  ? undefined
  : NonNullable<T> extends z.ZodType
    ? z.output<NonNullable<T>>
    : undefined;

/** What a handler receives: params, query and body already validated by the contract's schemas. */
export type RouteInput<C extends Contract> = {
  req: Request;
  body: Infer<C["body"]>;
  query: Infer<C["query"]>;
  params: Infer<C["params"]>;
};

type UserHandler<C extends Contract> = (
  input: RouteInput<C> & { ctx: Ctx; user: { id: string; email: string } },
) => Promise<Response | Infer<C["response"]>>;
type PublicHandler<C extends Contract> = (input: RouteInput<C>) => Promise<Response | Infer<C["response"]>>;

/**
 * The one way to write an API route: request id + logging, security guards (origin, CSRF,
 * rate limit), session → user, zod-validated query and body from the contract, then one
 * core call. A handler returning plain data is wrapped in the `{ ok: true, data }` envelope.
 */
export function userRoute<C extends Contract>(contract: C, fn: UserHandler<C>): ContractRouteFn {
  return withContract(contract, async (req, args) => {
    const session = await authenticateSession(req.headers);
    const user = session?.user ?? null;
    await runRequestGuards(req, contract, user);
    if (!user) throw new AppError("unauthorized");
    const input = await readInput(req, contract, args);
    const { db } = await getDb();
    const res = await withLogScope({ userId: user.id }, async () => {
      const ctx: Ctx = { db, userId: user.id, log: currentLog() };
      return toResponse(await fn({ ...input, ctx, user }));
    });
    // The session slid: the browser's cookie gets the new lifetime too.
    const cookie = session?.extended ? refreshedSessionCookie(req.headers.get("cookie")) : null;
    if (cookie) appendCookie(res, cookie);
    return res;
  });
}

export function publicRoute<C extends Contract>(contract: C, fn: PublicHandler<C>): ContractRouteFn {
  return withContract(contract, async (req, args) => {
    await runRequestGuards(req, contract, null);
    return toResponse(await fn(await readInput(req, contract, args)));
  });
}

/** A route function carrying its contract, so tests can prove each route file serves the contract of its path. */
export type ContractRouteFn = RouteFn & { contract: Contract };

function withContract(contract: Contract, fn: RouteFn): ContractRouteFn {
  // The contract path (not the raw URL) labels request metrics, keeping their cardinality bounded.
  return Object.assign(apiRoute(fn, contract.path, { maxBodyBytes: contract.maxBodyBytes }), { contract });
}

async function readInput<C extends Contract>(req: Request, c: C, args: RouteArgs): Promise<RouteInput<C>> {
  const query = (c.query ? parseQuery(req, c.query) : undefined) as Infer<C["query"]>;
  const body = (
    c.body ? await parseJsonBody(req, c.body, c.maxBodyBytes ?? env().API_MAX_JSON_BYTES) : undefined
  ) as Infer<C["body"]>;
  // After query and body, as the handlers' own path-id checks ran before.
  const params = (c.params ? await parsePathParams(args, c.params) : undefined) as Infer<C["params"]>;
  return { req, params, query, body };
}

function appendCookie(res: Response, cookie: string): void {
  try {
    res.headers.append("set-cookie", cookie);
  } catch {
    // Immutable headers (Response.redirect): the next request slides the cookie instead.
  }
}

function toResponse(r: unknown): Response {
  return r instanceof Response ? r : ok(r ?? {});
}
