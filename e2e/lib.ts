import type { BrowserContext, Page } from "playwright-core";
import type { TestServer } from "../tests/http/server";
import type { Emulator } from "../tools/google-emulator/server";
import type { SinkMail } from "../tests/http/smtp-sink";

export type SpecContext = {
  page: Page;
  context: BrowserContext;
  server: TestServer;
  /** The Google emulator the app is wired to (OAuth consent page, Gmail, Calendar). */
  google: Emulator;
  /** The SMTP sink the app's SMTP_URL points at: every mail the app sent. */
  smtp: { url: string; mails: SinkMail[] };
  baseUrl: string;
  /** Saves test-results/<spec>-<name>.png. */
  screenshot: (name: string) => Promise<void>;
};

export type Spec = { name: string; run: (t: SpecContext) => Promise<void> };

/**
 * One e2e test. A spec file default-exports an array of these; e2e/runner.ts runs every
 * e2e/*.spec.ts in headless Debian chromium against one production build of the app.
 */
export function spec(name: string, run: Spec["run"]): Spec {
  return { name, run };
}
