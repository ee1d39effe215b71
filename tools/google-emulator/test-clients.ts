// Official Google clients wired to an emulator, for this package's tests and
// for app tests that need an authorised Gmail/Calendar client in one line.
import { calendar, type calendar_v3 } from "@googleapis/calendar";
import { gmail, type gmail_v1 } from "@googleapis/gmail";
import { OAuth2Client } from "google-auth-library";
import type { Emulator } from "./server";

export const TEST_REDIRECT_URI = "http://127.0.0.1:3000/api/google/callback";

/** An OAuth2Client whose every endpoint (auth, token, revoke, tokeninfo, certs) is the emulator. */
export function emulatorOAuthClient(emu: Emulator, redirectUri = TEST_REDIRECT_URI): OAuth2Client {
  return new OAuth2Client({
    clientId: emu.clientId,
    clientSecret: emu.clientSecret,
    redirectUri,
    endpoints: {
      oauth2AuthBaseUrl: emu.authUrl,
      oauth2TokenUrl: emu.tokenUrl,
      oauth2RevokeUrl: emu.revokeUrl,
      tokenInfoUrl: `${emu.url}/oauth2/v3/tokeninfo`,
      oauth2FederatedSignonPemCertsUrl: `${emu.url}/oauth2/v1/certs`,
      oauth2FederatedSignonJwkCertsUrl: `${emu.url}/oauth2/v3/certs`,
    },
  });
}

export type AuthedClients = {
  auth: OAuth2Client;
  gmail: gmail_v1.Gmail;
  calendar: calendar_v3.Calendar;
  tokens: { access_token: string; refresh_token?: string };
};

/** Skips consent via control.mintTokens(); `scope` narrows the grant (default: all app scopes). */
export function authedClients(
  emu: Emulator,
  email = emu.defaultAccount,
  opts: { scope?: string | string[]; ttlSec?: number } = {},
): AuthedClients {
  const minted = emu.control.mintTokens(email, opts);
  const auth = emulatorOAuthClient(emu);
  auth.setCredentials({
    access_token: minted.access_token,
    refresh_token: minted.refresh_token,
    expiry_date: Date.now() + minted.expires_in * 1000,
  });
  return {
    auth,
    gmail: gmail({ version: "v1", auth: asApiAuth(auth), rootUrl: emu.apiRootUrl }),
    calendar: calendar({ version: "v3", auth: asApiAuth(auth), rootUrl: emu.apiRootUrl }),
    tokens: minted,
  };
}

/**
 * googleapis-common ships its own (older) google-auth-library, so its OAuth2Client type
 * differs from ours by private fields only; at runtime any OAuth2Client works.
 */
export function asApiAuth(auth: OAuth2Client): never {
  return auth as never;
}
