import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../tests/http/server";
import { emulatorAppEnv } from "../tools/google-emulator/app-env";
import { startGoogleEmulator } from "../tools/google-emulator/server";
import { startSmtpSink } from "../tests/http/smtp-sink";
import type { Spec } from "./lib";

// A tiny runner over playwright-core (no browser downloads): Debian's chromium, one app
// server for the whole run (built like the HTTP tests, tests/http/build.ts) wired to one
// Google emulator (seeded mailbox and calendar, like `npm run demo`), a fresh browser
// context per test, screenshots in test-results/. Usage: npm run e2e [-- filter ...] (a test
// runs when "<file> <name>" contains any of the filters).
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const dir = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(dir, "..");
const results = path.join(root, "test-results");
mkdirSync(results, { recursive: true });

const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".spec.ts"))
  .sort();
const google = await startGoogleEmulator({
  seed: 1,
  // All mail inside the default Gmail query window (newer_than:30d), so previews have content.
  mailbox: { messages: 80, days: 30, includeFixtures: true },
  calendar: { events: 15 },
});
// App mail (booking confirmations, reminders) goes to a local SMTP sink the specs can read.
// Every spec signs up from the same address (127.0.0.1): lift the per-IP sign-up cap only.
const smtp = await startSmtpSink();
const server = await startServer({
  ...emulatorAppEnv(google),
  SMTP_URL: smtp.url,
  RATE_LIMIT_SIGNUPS_PER_HOUR: "1000",
});
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
let passed = 0;
let failed = 0;
try {
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: Spec[] };
    const base = file.replace(/\.spec\.ts$/, "");
    for (const s of mod.default) {
      if (filters.length && !filters.some((f) => `${base} ${s.name}`.includes(f))) continue;
      const context = await browser.newContext({ baseURL: server.url });
      const page = await context.newPage();
      const slug = `${base}-${s.name}`.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
      const started = Date.now();
      try {
        await s.run({
          page,
          context,
          server,
          google,
          smtp,
          baseUrl: server.url,
          screenshot: async (name) => {
            await page.screenshot({ path: path.join(results, `${slug}-${name}.png`), fullPage: true });
          },
        });
        passed++;
        process.stdout.write(`  ✓ ${base} › ${s.name} (${Date.now() - started} ms)\n`);
      } catch (e) {
        failed++;
        await page
          .screenshot({ path: path.join(results, `${slug}-FAILED.png`), fullPage: true })
          .catch(() => {});
        process.stdout.write(
          `  ✗ ${base} › ${s.name}\n    ${String((e as Error)?.stack ?? e).replace(/\n/g, "\n    ")}\n`,
        );
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.stop();
  await google.close();
  await smtp.close();
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed || passed === 0 ? 1 : 0);
