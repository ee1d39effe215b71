// GET /o/oauth2/v2/auth (consent) and POST /o/oauth2/v2/auth/decision.
// Client and redirect_uri problems render an error page (never redirect to an
// unverified URI); other request errors go back to the client as ?error=.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readParams, redirect, sendHtml } from "../http-utils";
import type { EmulatorState } from "../state";
import { consentPage, errorPage } from "./consent-page";
import type { PendingAuth } from "./grants";
import { isKnownScope, normalizeScopes } from "./scopes";

function redirectUriAllowed(state: EmulatorState, uri: string): boolean {
  if (state.cfg.redirectUris) return state.cfg.redirectUris.includes(uri);
  try {
    return ["http:", "https:"].includes(new URL(uri).protocol);
  } catch {
    return false;
  }
}

function back(res: ServerResponse, uri: string, params: Record<string, string | undefined>): void {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  redirect(res, url.toString());
}

function grantCode(state: EmulatorState, res: ServerResponse, p: PendingAuth, email: string): void {
  state.ensureAccount(email);
  const code = state.grants.issueCode(p, email.toLowerCase());
  back(res, p.redirectUri, {
    state: p.state,
    code,
    scope: p.scopes.join(" "),
    authuser: "0",
    prompt: "consent",
  });
}

export function handleAuthorize(state: EmulatorState, url: URL, res: ServerResponse): void {
  const q = url.searchParams;
  const clientId = q.get("client_id") ?? "";
  const redirectUri = q.get("redirect_uri") ?? "";
  if (clientId !== state.cfg.clientId)
    return sendHtml(
      res,
      401,
      errorPage("Error 401: invalid_client", `The OAuth client was not found: "${clientId}".`),
    );
  if (!redirectUriAllowed(state, redirectUri)) {
    return sendHtml(
      res,
      400,
      errorPage(
        "Error 400: redirect_uri_mismatch",
        `redirect_uri "${redirectUri}" is not registered for this client.`,
      ),
    );
  }
  const st = q.get("state") ?? undefined;
  const fail = (error: string, description: string) =>
    back(res, redirectUri, { error, error_description: description, state: st });
  if (q.get("response_type") !== "code")
    return fail("unsupported_response_type", "Only response_type=code is supported.");
  const scopes = normalizeScopes(q.get("scope") ?? "");
  if (scopes.length === 0) return fail("invalid_request", "Missing required parameter: scope");
  const unknown = scopes.find((s) => !isKnownScope(s));
  if (unknown) return fail("invalid_scope", `Some requested scopes were invalid: ${unknown}`);
  const method = q.get("code_challenge_method") ?? (q.get("code_challenge") ? "plain" : undefined);
  if (method !== undefined && method !== "S256" && method !== "plain")
    return fail("invalid_request", "Invalid code_challenge_method.");
  if (method && !q.get("code_challenge")) return fail("invalid_request", "Missing code_challenge.");
  const accessType = q.get("access_type") ?? "online";
  if (accessType !== "online" && accessType !== "offline")
    return fail("invalid_request", "Invalid access_type.");
  const pending: PendingAuth = {
    clientId,
    redirectUri,
    scopes,
    state: st,
    offline: accessType === "offline",
    codeChallenge: q.get("code_challenge") ?? undefined,
    codeChallengeMethod: method as PendingAuth["codeChallengeMethod"],
    nonce: q.get("nonce") ?? undefined,
    loginHint: q.get("login_hint") ?? undefined,
    includeGranted: q.get("include_granted_scopes") === "true",
  };
  // prompt=none has no session to consult here, so it behaves like auto-consent.
  const auto = state.cfg.autoConsent || q.get("emulator_auto") === "1" || q.get("prompt") === "none";
  if (auto) {
    const hinted =
      pending.loginHint && state.account(pending.loginHint) ? pending.loginHint : state.cfg.defaultEmail;
    return grantCode(state, res, pending, hinted);
  }
  const requestId = state.grants.savePending(pending);
  const accounts = [...state.accounts.keys()];
  const selected =
    pending.loginHint && accounts.includes(pending.loginHint.toLowerCase())
      ? pending.loginHint.toLowerCase()
      : state.cfg.defaultEmail;
  sendHtml(res, 200, consentPage({ requestId, clientId, scopes, accounts, selected }));
}

export async function handleDecision(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const form = await readParams(req);
  const pending = state.grants.takePending(form.get("request_id") ?? "");
  if (!pending)
    return sendHtml(
      res,
      400,
      errorPage("This sign-in request has expired", "Start again from the application."),
    );
  if (form.get("decision") !== "allow") {
    return back(res, pending.redirectUri, {
      error: "access_denied",
      error_description: "The user denied access.",
      state: pending.state,
    });
  }
  const email = (form.get("email_other") || form.get("email") || "").trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$/.test(email))
    return sendHtml(res, 400, errorPage("Invalid email", `"${email}" is not an email address.`));
  grantCode(state, res, pending, email);
}
