// Identity endpoints: userinfo (v2/v3), tokeninfo, signing certs, OIDC
// discovery and a generated avatar for `picture`.
import type { IncomingMessage, ServerResponse } from "node:http";
import { OAuthError } from "../errors";
import { readParams, sendJson } from "../http-utils";
import type { AccountProfile, EmulatorState } from "../state";
import { authenticate } from "./bearer";
import { jwkCerts, pemCerts } from "./id-token";

const pictureOf = (state: EmulatorState, p: AccountProfile) => `${state.baseUrl}/avatar/${p.sub}.svg`;

export function handleUserinfo(
  state: EmulatorState,
  req: IncomingMessage,
  url: URL,
  res: ServerResponse,
): void {
  const { account } = authenticate(state, req, url);
  const p = account.profile;
  if (url.pathname === "/oauth2/v3/userinfo") {
    return sendJson(res, 200, {
      sub: p.sub,
      name: p.name,
      given_name: p.givenName,
      family_name: p.familyName,
      picture: pictureOf(state, p),
      email: p.email,
      email_verified: true,
    });
  }
  sendJson(res, 200, {
    id: p.sub,
    email: p.email,
    verified_email: true,
    name: p.name,
    given_name: p.givenName,
    family_name: p.familyName,
    picture: pictureOf(state, p),
  });
}

/** Token from the query, a form body, or (as google-auth-library sends it) a Bearer header. */
export async function handleTokeninfo(
  state: EmulatorState,
  req: IncomingMessage,
  url: URL,
  res: ServerResponse,
): Promise<void> {
  const body = req.method === "POST" ? await readParams(req) : new URLSearchParams();
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  const token = url.searchParams.get("access_token") ?? body.get("access_token") ?? bearer ?? "";
  const found = state.grants.lookup(token);
  const account = found ? state.account(found.grant.email) : undefined;
  if (!found || !account) throw new OAuthError(400, "invalid_token", "Invalid Value");
  const expiresIn = Math.max(0, Math.floor((found.expiresAt - Date.now()) / 1000));
  sendJson(res, 200, {
    azp: found.grant.clientId,
    aud: found.grant.clientId,
    sub: account.profile.sub,
    scope: found.grant.scopes.join(" "),
    exp: String(Math.floor(found.expiresAt / 1000)),
    expires_in: String(expiresIn),
    email: account.profile.email,
    email_verified: "true",
    access_type: found.grant.refreshToken ? "offline" : "online",
  });
}

export function handleCerts(url: URL, res: ServerResponse): void {
  sendJson(res, 200, url.pathname.includes("/v1/") ? pemCerts() : jwkCerts(), {
    "Cache-Control": "public, max-age=3600",
  });
}

export function handleDiscovery(state: EmulatorState, res: ServerResponse): void {
  const u = state.baseUrl;
  sendJson(res, 200, {
    issuer: "https://accounts.google.com",
    authorization_endpoint: `${u}/o/oauth2/v2/auth`,
    token_endpoint: `${u}/token`,
    userinfo_endpoint: `${u}/oauth2/v3/userinfo`,
    revocation_endpoint: `${u}/revoke`,
    jwks_uri: `${u}/oauth2/v3/certs`,
    response_types_supported: ["code"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    scopes_supported: ["openid", "email", "profile"],
    token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
    code_challenge_methods_supported: ["plain", "S256"],
    grant_types_supported: ["authorization_code", "refresh_token"],
  });
}

export function handleAvatar(state: EmulatorState, url: URL, res: ServerResponse): void {
  const sub = /^\/avatar\/(\d+)\.svg$/.exec(url.pathname)?.[1];
  const profile = [...state.accounts.values()].find((a) => a.profile.sub === sub)?.profile;
  const initials = (profile?.name ?? "?")
    .split(" ")
    .map((w) => w.charAt(0))
    .join("")
    .slice(0, 2)
    .toUpperCase();
  const hue = Number(sub?.slice(-3) ?? 0) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><circle cx="48" cy="48" r="48" fill="hsl(${hue},55%,45%)"/><text x="48" y="60" font-size="36" font-family="sans-serif" text-anchor="middle" fill="#fff">${initials.replace(/[<&>]/g, "")}</text></svg>`;
  res.writeHead(profile ? 200 : 404, {
    "Content-Type": "image/svg+xml",
    "Cache-Control": "public, max-age=86400",
  });
  res.end(svg);
}
