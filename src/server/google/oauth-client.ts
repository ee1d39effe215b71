import { OAuth2Client } from "google-auth-library";
import { env } from "@/lib/env";

/** An OAuth2Client pointed at GOOGLE_OAUTH_* (real Google by default, the emulator in tests). */
export function googleOAuthClient(redirectUri?: string): OAuth2Client {
  const e = env();
  return new OAuth2Client({
    clientId: e.GOOGLE_CLIENT_ID ?? "omnicrm-local",
    clientSecret: e.GOOGLE_CLIENT_SECRET,
    redirectUri: redirectUri ?? e.GOOGLE_REDIRECT_URI,
    endpoints: {
      oauth2AuthBaseUrl: e.GOOGLE_OAUTH_AUTH_URL,
      oauth2TokenUrl: e.GOOGLE_OAUTH_TOKEN_URL,
      oauth2RevokeUrl: e.GOOGLE_OAUTH_REVOKE_URL,
    },
  });
}

export function googleRedirectUri(requestUrl: string): string {
  const e = env();
  if (e.GOOGLE_REDIRECT_URI) return e.GOOGLE_REDIRECT_URI;
  const base = e.APP_URL ?? new URL(requestUrl).origin;
  return new URL("/api/v1/google/oauth/callback", base).toString();
}
