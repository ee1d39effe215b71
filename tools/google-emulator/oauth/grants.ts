// Authorization codes, grants (one per consent) and tokens. Revoking either
// token of a grant revokes the whole grant, as Google does.
import { randomBytes } from "node:crypto";

export type PendingAuth = {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state?: string;
  codeChallenge?: string;
  codeChallengeMethod?: "S256" | "plain";
  offline: boolean;
  nonce?: string;
  loginHint?: string;
  /** include_granted_scopes=true: the new grant also carries scopes granted before. */
  includeGranted?: boolean;
};

export type AuthCode = PendingAuth & { email: string; expiresAt: number; used: boolean };
export type Grant = {
  id: string;
  email: string;
  clientId: string;
  scopes: string[];
  nonce?: string;
  refreshToken?: string;
  revoked: boolean;
};
export type IssuedTokens = { grant: Grant; accessToken: string; expiresIn: number; refreshToken?: string };

const token = (prefix: string) => `${prefix}${randomBytes(24).toString("base64url")}`;
const CODE_TTL_MS = 10 * 60_000;

export function createGrantStore(accessTokenTtlSec: number) {
  const pending = new Map<string, PendingAuth & { createdAt: number }>();
  const codes = new Map<string, AuthCode>();
  const grants = new Map<string, Grant>();
  const byRefresh = new Map<string, Grant>();
  const access = new Map<string, { grant: Grant; expiresAt: number }>();

  const issueAccess = (grant: Grant, ttlSec = accessTokenTtlSec) => {
    const accessToken = token("ya29.emu-");
    access.set(accessToken, { grant, expiresAt: Date.now() + ttlSec * 1000 });
    // Sub-second lifetimes are allowed for tests; the wire value stays an integer.
    return { accessToken, expiresIn: Math.max(1, Math.round(ttlSec)) };
  };

  return {
    savePending(p: PendingAuth): string {
      const id = token("req-");
      pending.set(id, { ...p, createdAt: Date.now() });
      return id;
    },
    takePending(id: string): PendingAuth | undefined {
      const p = pending.get(id);
      pending.delete(id);
      return p && Date.now() - p.createdAt < CODE_TTL_MS ? p : undefined;
    },
    issueCode(p: PendingAuth, email: string): string {
      const code = token("4/0Aemu-");
      codes.set(code, { ...p, email, expiresAt: Date.now() + CODE_TTL_MS, used: false });
      return code;
    },
    /** Single use: a second redemption fails, like Google's "Bad Request". */
    redeemCode(code: string): AuthCode | "used" | undefined {
      const c = codes.get(code);
      if (!c || c.expiresAt < Date.now()) return undefined;
      if (c.used) return "used";
      c.used = true;
      return c;
    },
    createGrant(
      email: string,
      clientId: string,
      scopes: string[],
      offline: boolean,
      opts: { nonce?: string; ttlSec?: number } = {},
    ): IssuedTokens {
      const grant: Grant = { id: token("g-"), email, clientId, scopes, nonce: opts.nonce, revoked: false };
      if (offline) {
        grant.refreshToken = token("1//emu-");
        byRefresh.set(grant.refreshToken, grant);
      }
      grants.set(grant.id, grant);
      return { grant, ...issueAccess(grant, opts.ttlSec), refreshToken: grant.refreshToken };
    },
    refresh(refreshToken: string, ttlSec?: number): IssuedTokens | undefined {
      const grant = byRefresh.get(refreshToken);
      if (!grant || grant.revoked) return undefined;
      return { grant, ...issueAccess(grant, ttlSec) };
    },
    /** Scopes of this user's live grants to this client (for incremental authorization). */
    grantedScopes(email: string, clientId: string): string[] {
      const live = [...grants.values()].filter(
        (g) => g.email === email && g.clientId === clientId && !g.revoked,
      );
      return [...new Set(live.flatMap((g) => g.scopes))];
    },
    /** The grant behind a live access token, or undefined when unknown, expired or revoked. */
    lookup(accessToken: string): { grant: Grant; expiresAt: number } | undefined {
      const a = access.get(accessToken);
      if (!a || a.grant.revoked || a.expiresAt <= Date.now()) return undefined;
      return a;
    },
    revoke(tokenValue: string): boolean {
      const grant = byRefresh.get(tokenValue) ?? access.get(tokenValue)?.grant;
      if (!grant || grant.revoked) return false;
      grant.revoked = true;
      return true;
    },
    revokeAll(email: string): number {
      let n = 0;
      for (const g of grants.values()) {
        if (g.email === email && !g.revoked) {
          g.revoked = true;
          n++;
        }
      }
      return n;
    },
  };
}

export type GrantStore = ReturnType<typeof createGrantStore>;
