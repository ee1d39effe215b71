// npm run emulator -- --port 4010 --messages 500 --events 100 --seed 1 [--quota 6000] [--account x@y]
// Starts the Google emulator and prints the env the app needs to use it.
import { parseArgs } from "node:util";
import { emulatorAppEnv } from "./app-env";
import { startGoogleEmulator } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    messages: { type: "string", default: "500" },
    events: { type: "string", default: "100" },
    seed: { type: "string", default: "1" },
    quota: { type: "string" },
    account: { type: "string", multiple: true },
    now: { type: "string" },
    "token-ttl": { type: "string" },
    "auto-consent": { type: "boolean", default: false },
    "redirect-uri": { type: "string", multiple: true },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm run emulator -- [--port 4010] [--messages 500] [--events 100] [--seed 1]
       [--quota UNITS_PER_MINUTE] [--account email (repeatable; first is the default)]
       [--now ISO_DATE] [--token-ttl SECONDS] [--auto-consent] [--redirect-uri URI (repeatable)]`);
  process.exit(0);
}

const int = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer, got "${v}"`);
    process.exit(2);
  }
  return n;
};

const [account, ...extraAccounts] = values.account ?? [];
const quota = int("quota", values.quota);
const started = Date.now();
const emu = await startGoogleEmulator({
  port: int("port", values.port),
  host: values.host,
  seed: int("seed", values.seed),
  mailbox: { messages: int("messages", values.messages) },
  calendar: { events: int("events", values.events) },
  quota: quota ? { unitsPerMinute: quota } : null,
  account,
  extraAccounts,
  now: values.now ? new Date(values.now) : undefined,
  accessTokenTtlSec: int("token-ttl", values["token-ttl"]),
  autoConsent: values["auto-consent"],
  redirectUris: values["redirect-uri"],
});

console.log(`Google emulator listening on ${emu.url} (seeded in ${Date.now() - started} ms)`);
console.log(`Accounts: ${emu.control.listAccounts().join(", ")}  |  control API: ${emu.url}/__emulator/`);
console.log("\nPoint the app at it with:\n");
console.log(
  [
    ...Object.entries(emulatorAppEnv(emu)).map(([k, v]) => `${k}=${v}`),
    ...(quota ? [`GOOGLE_QUOTA_UNITS_PER_MINUTE=${quota}`] : []),
  ].join("\n"),
);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping emulator`);
  emu.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
