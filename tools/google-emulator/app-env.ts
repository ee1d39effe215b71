import type { Emulator } from "./server";

/**
 * The app's environment for talking to this emulator instead of Google: OAuth endpoints,
 * API root and client credentials (the same variables production points at Google), with
 * Gmail and Calendar enabled. Callers add their own (redirect URI, quota, secrets).
 */
export function emulatorAppEnv(emu: Emulator): Record<string, string> {
  return {
    GOOGLE_OAUTH_AUTH_URL: emu.authUrl,
    GOOGLE_OAUTH_TOKEN_URL: emu.tokenUrl,
    GOOGLE_OAUTH_REVOKE_URL: emu.revokeUrl,
    GOOGLE_API_ROOT_URL: emu.apiRootUrl,
    GOOGLE_CLIENT_ID: emu.clientId,
    GOOGLE_CLIENT_SECRET: emu.clientSecret,
    FEATURE_GOOGLE_GMAIL_RO: "1",
    FEATURE_GOOGLE_CALENDAR_RO: "1",
  };
}
