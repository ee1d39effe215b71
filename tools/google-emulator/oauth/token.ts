// POST /token (authorization_code, refresh_token) and POST /revoke.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { OAuthError } from "../errors";
import { readParams, sendJson } from "../http-utils";
import type { EmulatorState } from "../state";
import type { IssuedTokens } from "./grants";
import { signIdToken } from "./id-token";
import { hasIdentity } from "./scopes";

function clientCredentials(req: IncomingMessage, p: URLSearchParams): { id: string; secret: string } {
  const basic = /^Basic\s+(\S.*)$/i.exec(req.headers.authorization ?? "");
  if (basic?.[1]) {
    const [id = "", secret = ""] = Buffer.from(basic[1], "base64").toString().split(":");
    return { id: decodeURIComponent(id), secret: decodeURIComponent(secret) };
  }
  return { id: p.get("client_id") ?? "", secret: p.get("client_secret") ?? "" };
}

function pkceMatches(verifier: string, challenge: string, method: "S256" | "plain" | undefined): boolean {
  if (method === "plain") return verifier === challenge;
  return createHash("sha256").update(verifier).digest("base64url") === challenge;
}

function tokenResponse(state: EmulatorState, t: IssuedTokens, withRefresh: boolean) {
  const account = state.account(t.grant.email);
  const profile = account?.profile;
  const idToken =
    profile && hasIdentity(t.grant.scopes)
      ? signIdToken({
          aud: t.grant.clientId,
          sub: profile.sub,
          email: profile.email,
          name: profile.name,
          given_name: profile.givenName,
          family_name: profile.familyName,
          picture: `${state.baseUrl}/avatar/${profile.sub}.svg`,
          nonce: t.grant.nonce,
          accessToken: t.accessToken,
        })
      : undefined;
  return {
    access_token: t.accessToken,
    expires_in: t.expiresIn,
    ...(withRefresh && t.refreshToken ? { refresh_token: t.refreshToken } : {}),
    scope: t.grant.scopes.join(" "),
    token_type: "Bearer",
    ...(idToken ? { id_token: idToken } : {}),
  };
}

export async function handleToken(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const p = await readParams(req);
  const client = clientCredentials(req, p);
  if (client.id !== state.cfg.clientId)
    throw new OAuthError(401, "invalid_client", "The OAuth client was not found.");
  if (client.secret !== state.cfg.clientSecret) throw new OAuthError(401, "invalid_client", "Unauthorized");
  const grantType = p.get("grant_type");
  if (grantType === "authorization_code") {
    const code = p.get("code");
    if (!code) throw new OAuthError(400, "invalid_request", "Missing required parameter: code");
    const c = state.grants.redeemCode(code);
    if (c === undefined) throw new OAuthError(400, "invalid_grant", "Malformed auth code.");
    if (c === "used" || c.clientId !== client.id) throw new OAuthError(400, "invalid_grant", "Bad Request");
    if ((p.get("redirect_uri") ?? "") !== c.redirectUri)
      throw new OAuthError(400, "redirect_uri_mismatch", "Bad Request");
    if (c.codeChallenge) {
      const verifier = p.get("code_verifier");
      if (!verifier) throw new OAuthError(400, "invalid_grant", "Missing code verifier.");
      if (!pkceMatches(verifier, c.codeChallenge, c.codeChallengeMethod))
        throw new OAuthError(400, "invalid_grant", "Invalid code verifier.");
    }
    const previous = c.includeGranted ? state.grants.grantedScopes(c.email, c.clientId) : [];
    const scopes = [...new Set([...previous, ...c.scopes])];
    const issued = state.grants.createGrant(c.email, c.clientId, scopes, c.offline, { nonce: c.nonce });
    return sendJson(res, 200, tokenResponse(state, issued, true));
  }
  if (grantType === "refresh_token") {
    const refreshToken = p.get("refresh_token");
    if (!refreshToken)
      throw new OAuthError(400, "invalid_request", "Missing required parameter: refresh_token");
    const issued = state.grants.refresh(refreshToken);
    if (!issued) throw new OAuthError(400, "invalid_grant", "Token has been expired or revoked.");
    if (issued.grant.clientId !== client.id) throw new OAuthError(401, "unauthorized_client", "Unauthorized");
    // Google does not rotate refresh tokens, so none is returned here.
    return sendJson(res, 200, tokenResponse(state, issued, false));
  }
  throw new OAuthError(400, "unsupported_grant_type", `Invalid grant_type: ${grantType ?? ""}`);
}

export async function handleRevoke(
  state: EmulatorState,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = req.method === "POST" ? await readParams(req) : new URLSearchParams();
  const token = url.searchParams.get("token") ?? body.get("token") ?? "";
  if (!state.grants.revoke(token)) throw new OAuthError(400, "invalid_token", "Token expired or revoked");
  sendJson(res, 200, {});
}
