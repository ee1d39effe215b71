// Request dispatch: control API, fault injection, OAuth endpoints, then
// authenticated Gmail/Calendar/Drive routes with quota accounting and `fields=`.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiRoute } from "./api-route";
import { FREEBUSY_ROUTES } from "./calendar/freebusy";
import { CALENDAR_ROUTES } from "./calendar/routes";
import { WRITE_EVENT_ROUTES } from "./calendar/write-events";
import type { EmulatorControl } from "./control";
import { handleControl } from "./control-http";
import { apiErrors } from "./errors";
import { DRIVE_ROUTES } from "./drive/routes";
import { applyFields, parseFields } from "./fields";
import { GMAIL_ROUTES } from "./gmail/routes";
import { GMAIL_SEND_ROUTES } from "./gmail/send";
import { sendError, sendJson } from "./http-utils";
import { authenticate } from "./oauth/bearer";
import { handleAvatar } from "./oauth/identity";
import { OAUTH_ROUTES } from "./oauth/routes";
import { PUSH_ROUTES } from "./push/routes";
import type { EmulatorState } from "./state";

const ROUTES: ApiRoute[] = [
  ...GMAIL_ROUTES,
  ...GMAIL_SEND_ROUTES,
  ...CALENDAR_ROUTES,
  ...PUSH_ROUTES,
  // Booking: free/busy and event writes.
  ...FREEBUSY_ROUTES,
  ...WRITE_EVENT_ROUTES,
  // Drive metadata: files, permissions, changes.
  ...DRIVE_ROUTES,
];

export function createRequestHandler(state: EmulatorState, control: EmulatorControl) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(state, control, req, res).catch((err: unknown) => sendError(res, err));
  };
}

async function handle(
  state: EmulatorState,
  control: EmulatorControl,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.local");
  const path = url.pathname.replace(/\/{2,}/g, "/");
  if (path.startsWith("/__emulator/")) return handleControl(control, req, res, url);
  const method = req.method ?? "GET";
  const isApi = path.startsWith("/gmail/") || path.startsWith("/calendar/") || path.startsWith("/drive/");
  const match = isApi ? findRoute(method, path) : null;
  const oauth = OAUTH_ROUTES[path];
  state.stats.hit(
    match?.route.id ?? oauth?.id ?? (path.startsWith("/avatar/") ? "avatar" : `unknown ${method} ${path}`),
  );

  const fault = state.faults.check(path, isApi);
  if (fault.delayMs > 0) await new Promise((r) => setTimeout(r, fault.delayMs));
  if (fault.error) {
    state.stats.rejected(fault.error.code);
    throw fault.error;
  }

  if (match) {
    const auth = authenticate(state, req, url);
    const email = auth.account.profile.email;
    const decision = state.quota?.take(email, match.route.cost) ?? { ok: true as const };
    if (!decision.ok) {
      state.stats.rejected(429);
      throw apiErrors.rateLimited(decision.retryAfterSec, Date.now());
    }
    state.stats.units(email, match.route.cost);
    const result = await match.route.handler({
      state,
      account: auth.account,
      grant: auth.grant,
      req,
      url,
      query: url.searchParams,
      params: match.params,
    });
    if (fault.loseResponseAfterMs !== undefined) return loseResponse(res, fault.loseResponseAfterMs);
    const fields = url.searchParams.get("fields");
    return sendJson(res, 200, fields ? applyFields(result, parseFields(fields)) : result);
  }
  if (oauth && oauth.methods.includes(method)) return oauth.run(state, req, res, url);
  if (path.startsWith("/avatar/")) return handleAvatar(state, url, res);
  if (path === "/" && method === "GET") return sendJson(res, 200, index(state));
  if (isApi) throw apiErrors.notFound("Not Found");
  sendJson(res, 404, {
    error: { code: 404, message: `No such endpoint: ${method} ${path}`, status: "NOT_FOUND" },
  });
}

/** The call took effect; its answer is lost (held open, then the connection is cut). */
async function loseResponse(res: ServerResponse, afterMs: number): Promise<void> {
  if (afterMs > 0) await new Promise((r) => setTimeout(r, afterMs));
  res.socket?.destroy();
  res.destroy();
}

function findRoute(method: string, path: string): { route: ApiRoute; params: string[] } | null {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path);
    if (m) return { route, params: m.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return null;
}

function index(state: EmulatorState) {
  const u = state.baseUrl;
  return {
    name: "OmniCRM Google emulator",
    accounts: [...state.accounts.keys()],
    endpoints: {
      authUrl: `${u}/o/oauth2/v2/auth`,
      tokenUrl: `${u}/token`,
      revokeUrl: `${u}/revoke`,
      apiRootUrl: `${u}/`,
      control: `${u}/__emulator/`,
    },
  };
}
