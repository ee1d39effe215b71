// OAuth and identity endpoints by path (no bearer auth, no quota).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorState } from "../state";
import { handleAuthorize, handleDecision } from "./authorize";
import { handleCerts, handleDiscovery, handleTokeninfo, handleUserinfo } from "./identity";
import { handleRevoke, handleToken } from "./token";

type OAuthHandler = (
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) => void | Promise<void>;

export const OAUTH_ROUTES: Record<string, { id: string; methods: string[]; run: OAuthHandler }> = {
  "/o/oauth2/v2/auth": {
    id: "oauth.authorize",
    methods: ["GET"],
    run: (s, _q, r, u) => handleAuthorize(s, u, r),
  },
  "/o/oauth2/v2/auth/decision": {
    id: "oauth.consent",
    methods: ["POST"],
    run: (s, q, r) => handleDecision(s, q, r),
  },
  "/token": { id: "oauth.token", methods: ["POST"], run: (s, q, r) => handleToken(s, q, r) },
  "/revoke": { id: "oauth.revoke", methods: ["POST", "GET"], run: (s, q, r, u) => handleRevoke(s, u, q, r) },
  "/oauth2/v3/userinfo": {
    id: "oauth.userinfo",
    methods: ["GET", "POST"],
    run: (s, q, r, u) => handleUserinfo(s, q, u, r),
  },
  "/oauth2/v2/userinfo": {
    id: "oauth.userinfo",
    methods: ["GET", "POST"],
    run: (s, q, r, u) => handleUserinfo(s, q, u, r),
  },
  "/userinfo/v2/me": {
    id: "oauth.userinfo",
    methods: ["GET"],
    run: (s, q, r, u) => handleUserinfo(s, q, u, r),
  },
  "/oauth2/v3/tokeninfo": {
    id: "oauth.tokeninfo",
    methods: ["GET", "POST"],
    run: (s, q, r, u) => handleTokeninfo(s, q, u, r),
  },
  "/oauth2/v1/certs": { id: "oauth.certs", methods: ["GET"], run: (_s, _q, r, u) => handleCerts(u, r) },
  "/oauth2/v3/certs": { id: "oauth.certs", methods: ["GET"], run: (_s, _q, r, u) => handleCerts(u, r) },
  "/.well-known/openid-configuration": {
    id: "oauth.discovery",
    methods: ["GET"],
    run: (s, _q, r) => handleDiscovery(s, r),
  },
};
