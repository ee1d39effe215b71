// startGoogleEmulator(): a local Google (OAuth + Gmail v1 + Calendar v3) that the
// official @googleapis clients talk to via rootUrl / OAuth2Client endpoints.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createControl, type EmulatorControl } from "./control";
import { createRequestHandler } from "./router";
import type { DriveSpec } from "./drive/seed";
import { createState, type CalendarSpec, type MailboxSpec } from "./state";

export type { CalendarSpec, MailboxSpec } from "./state";
export type { EmulatorControl } from "./control";

export type EmulatorOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  seed?: number;
  mailbox?: MailboxSpec;
  calendar?: CalendarSpec;
  drive?: DriveSpec;
  quota?: { unitsPerMinute: number } | null;
  clientId?: string;
  clientSecret?: string;
  /** Skip the consent page and sign in the default account (or login_hint) at once. */
  autoConsent?: boolean;
  /** Default account, seeded at start. */
  account?: string;
  accountName?: string;
  /** More accounts to seed at start (same specs, different derived seeds). */
  extraAccounts?: string[];
  /** The corpus's "now" (and the start of the emulator's clock); default real now. */
  now?: Date;
  /** Access token lifetime; default 3600 s. Short values exercise refresh. */
  accessTokenTtlSec?: number;
  /** If set, only these redirect URIs are accepted; default any http(s) URI. */
  redirectUris?: string[];
};

export type Emulator = {
  url: string;
  authUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  apiRootUrl: string;
  clientId: string;
  clientSecret: string;
  defaultAccount: string;
  control: EmulatorControl;
  close(): Promise<void>;
};

export const DEFAULT_ACCOUNT = "practitioner@example.com";
export const DEFAULT_CLIENT_ID = "emulator-client-id";
export const DEFAULT_CLIENT_SECRET = "emulator-client-secret";

export async function startGoogleEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const defaultEmail = (opts.account ?? DEFAULT_ACCOUNT).toLowerCase();
  const state = createState({
    seed: opts.seed ?? 1,
    clientId: opts.clientId ?? DEFAULT_CLIENT_ID,
    clientSecret: opts.clientSecret ?? DEFAULT_CLIENT_SECRET,
    autoConsent: opts.autoConsent ?? false,
    accessTokenTtlSec: opts.accessTokenTtlSec ?? 3600,
    redirectUris: opts.redirectUris,
    mailbox: opts.mailbox ?? {},
    calendar: opts.calendar ?? {},
    drive: opts.drive ?? {},
    defaultEmail,
    defaultName:
      opts.accountName ??
      (defaultEmail === DEFAULT_ACCOUNT ? "Maya Lindqvist" : (defaultEmail.split("@")[0] ?? defaultEmail)),
    startNow: (opts.now ?? new Date()).getTime(),
    quota: opts.quota ?? null,
  });
  state.addAccount(defaultEmail);
  for (const email of opts.extraAccounts ?? []) state.addAccount(email);
  const control = createControl(state);
  const server = createServer(createRequestHandler(state, control));
  // Keep-alive sockets would otherwise hold close() open for seconds.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host ?? "127.0.0.1";
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  state.baseUrl = url;
  return {
    url,
    authUrl: `${url}/o/oauth2/v2/auth`,
    tokenUrl: `${url}/token`,
    revokeUrl: `${url}/revoke`,
    apiRootUrl: `${url}/`,
    clientId: state.cfg.clientId,
    clientSecret: state.cfg.clientSecret,
    defaultAccount: defaultEmail,
    control,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
