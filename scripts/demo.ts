import { spawn } from "node:child_process";
import path from "node:path";
import { emulatorAppEnv } from "../tools/google-emulator/app-env";
import { startGoogleEmulator } from "../tools/google-emulator/server";

// `npm run demo`: the app wired to a local Google emulator with a seeded mailbox
// (~300 messages) and calendar (~60 events), so connect → preview → approve → contacts
// works without Google credentials. Data goes to .data-demo (delete it to start over).
const appPort = Number(process.env.PORT ?? 3000);
const emuPort = Number(process.env.DEMO_EMULATOR_PORT ?? 4010);
const appUrl = `http://localhost:${appPort}`;

const emu = await startGoogleEmulator({
  port: emuPort,
  seed: 1,
  mailbox: { messages: 300, includeFixtures: true },
  calendar: { events: 60 },
});

const env = {
  ...process.env,
  PORT: String(appPort),
  APP_URL: appUrl,
  DATA_DIR: process.env.DATA_DIR ?? ".data-demo",
  ...emulatorAppEnv(emu),
  GOOGLE_REDIRECT_URI: `${appUrl}/api/v1/google/oauth/callback`,
};

const next = path.join(process.cwd(), "node_modules/next/dist/bin/next");
const app = spawn(process.execPath, [next, "dev", "-p", String(appPort)], { env, stdio: "inherit" });

process.stdout.write(`
  OmniCRM demo
  ────────────
  Google emulator: ${emu.url}  (mailbox ${emu.defaultAccount}: ~300 messages, ~60 events)
  App:             ${appUrl}

  1. Open ${appUrl}, create an account and sign in.
  2. Go to Sync (${appUrl}/settings/sync) and click "Connect Gmail".
  3. On the emulator's consent screen keep ${emu.defaultAccount} and click Allow.
  4. Click "Preview import": you see how many emails and which new contacts would come in.
  5. Click "Approve import" and watch the progress bar; then open Contacts.
  6. Do the same for Google Calendar; try "Undo" in the Imports list.

  Ctrl+C stops both.
`);

const stop = async () => {
  app.kill("SIGTERM");
  await emu.close();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
app.on("exit", (code) => {
  void emu.close().then(() => process.exit(code ?? 0));
});
