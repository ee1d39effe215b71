import { randomUUID } from "node:crypto";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { env } from "@/lib/env";
import { getDb, type Db } from "../db/client";
import { authAccounts, authSessions, authUsers, authVerifications } from "../db/schema/auth";
import { currentLog } from "../log-context";
import { recordSecurityEvent } from "../security/record-security-event";
import { PASSWORD_MAX, PASSWORD_MIN } from "./schemas";
import { appOrigin, authSecret, isHttpsApp } from "./auth-secret";
import { sendResetEmail } from "./send-reset-email";
import { SESSION_EXPIRES_IN_SEC, SESSION_UPDATE_AGE_SEC } from "./session-policy";

function buildAuth(db: Db) {
  const e = env();
  const google =
    e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET
      ? [
          genericOAuth({
            config: [
              {
                providerId: "google",
                clientId: e.GOOGLE_CLIENT_ID,
                clientSecret: e.GOOGLE_CLIENT_SECRET,
                // The same configurable endpoints the Google integration uses, so the
                // offline emulator can stand in for Google.
                authorizationUrl: e.GOOGLE_OAUTH_AUTH_URL,
                tokenUrl: e.GOOGLE_OAUTH_TOKEN_URL,
                userInfoUrl: new URL("oauth2/v3/userinfo", e.GOOGLE_API_ROOT_URL).toString(),
                scopes: ["openid", "email", "profile"],
                pkce: true,
              },
            ],
          }),
        ]
      : [];
  return betterAuth({
    appName: "OmniCRM",
    baseURL: appOrigin(),
    basePath: "/api/auth",
    secret: authSecret(),
    trustedOrigins: (e.APP_ORIGINS ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    // The auth tables sit outside RLS and are only ever touched through this plain connection.
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: authUsers,
        session: authSessions,
        account: authAccounts,
        verification: authVerifications,
      },
    }),
    user: { modelName: "user", deleteUser: { enabled: true } },
    // Sliding sessions; our own lookup (find-session.ts) applies the same policy.
    session: { modelName: "session", expiresIn: SESSION_EXPIRES_IN_SEC, updateAge: SESSION_UPDATE_AGE_SEC },
    account: { modelName: "account" },
    verification: { modelName: "verification" },
    emailAndPassword: {
      enabled: true,
      // Better Auth's default hash is scrypt (memory-hard); we keep it.
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, token }) => {
        await sendResetEmail(user.email, `${appOrigin()}/reset-password?token=${encodeURIComponent(token)}`);
        await recordSecurityEvent({ kind: "password_reset_requested", userId: user.id });
      },
      onPasswordReset: async ({ user }) => {
        await recordSecurityEvent({ kind: "password_reset", userId: user.id });
      },
    },
    plugins: google,
    // Our guards rate-limit every /api/auth/* request (shared with the JSON API).
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: "omnicrm",
      useSecureCookies: isHttpsApp(),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
      database: { generateId: () => randomUUID() },
    },
    logger: {
      log: (level, message, ...args) => {
        const log = currentLog();
        const meta = { authLog: args.length ? args : undefined };
        if (level === "error") log.error(meta, message);
        else if (level === "warn") log.warn(meta, message);
        else log.debug(meta, message);
      },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof buildAuth>;

const g = globalThis as unknown as { __omnicrmAuth?: Promise<Auth> };

/** One Better Auth instance per process, bound to the shared database handle. */
export function getAuth(): Promise<Auth> {
  g.__omnicrmAuth ??= getDb().then(({ db }) => buildAuth(db));
  return g.__omnicrmAuth;
}
