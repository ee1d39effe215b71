import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { resetEnvCache } from "@/lib/env";
import type { Ctx } from "../../context";
import type { DbHandle } from "../../db/client";
import { retryTiming } from "../../google/call-google";
import { resetBreakers } from "../../google/circuit-breaker";
import { resetQuota } from "../../google/quota";
import { saveTokens } from "../../google/token-store";
import { rootLog } from "../../log";
import { createTestUser } from "../../testing/test-db";
import {
  startGoogleEmulator,
  type Emulator,
  type EmulatorOptions,
} from "../../../../tools/google-emulator/server";
import { emulatorAppEnv } from "../../../../tools/google-emulator/app-env";
import { updateSyncPrefs } from "../sync-prefs";

/** Starts the Google emulator for a test file and points the app's GOOGLE_* env at it. */
export function setupGoogleEmulator(opts: EmulatorOptions & { quotaUnitsPerMinute?: number } = {}): {
  emu: () => Emulator;
} {
  let emu: Emulator | undefined;
  beforeAll(async () => {
    emu = await startGoogleEmulator({ seed: 7, ...opts });
    Object.assign(process.env, {
      ...emulatorAppEnv(emu),
      GOOGLE_REDIRECT_URI: "http://127.0.0.1:3999/api/v1/google/oauth/callback",
      GOOGLE_QUOTA_UNITS_PER_MINUTE: String(opts.quotaUnitsPerMinute ?? 1_000_000),
      APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY ?? "test-encryption-key-0123456789abcdef0123",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "test-auth-secret-0123456789abcdef012345678",
    });
    resetEnvCache();
    resetQuota();
    resetBreakers();
    retryTiming.baseDelayMs = 5;
    retryTiming.maxBackoffMs = 100;
  });
  afterAll(async () => {
    await emu?.close();
  });
  return { emu: () => emu! };
}

export type Connected = { ctx: Ctx; user: { id: string; email: string }; account: string };

/**
 * A fresh app user connected to a fresh emulator account (its own seeded mailbox and
 * calendar), with prefs that import everything so counts are predictable.
 */
export async function connectedUser(
  h: DbHandle,
  emu: Emulator,
  spec: Parameters<Emulator["control"]["addAccount"]>[1] = {},
): Promise<Connected> {
  const user = await createTestUser(h);
  const account = `owner-${randomUUID().slice(0, 8)}@example.com`;
  emu.control.addAccount(account, spec);
  const ctx: Ctx = { db: h.db, userId: user.id, log: rootLog() };
  const t = emu.control.mintTokens(account);
  for (const service of ["gmail", "calendar"] as const) {
    await saveTokens(ctx, service, {
      accessToken: t.access_token,
      refreshToken: t.refresh_token ?? null,
      expiresAt: new Date(Date.now() + t.expires_in * 1000),
      grantedScopes: t.scope.split(" "),
      accountEmail: account,
    });
  }
  await updateSyncPrefs(ctx, { gmailQuery: "", gmailLabelExcludes: [], contactCreationPolicy: "engaged" });
  return { ctx, user, account };
}

/** What Gmail itself lists for a query: the ground truth an import must match. */
export async function listedIds(emu: Emulator, account: string, q = ""): Promise<string[]> {
  const { authedClients } = await import("../../../../tools/google-emulator/test-clients");
  const { gmail } = authedClients(emu, account);
  const ids: string[] = [];
  let pageToken: string | undefined;
  do {
    const r = await gmail.users.messages.list({ userId: "me", q, pageToken, maxResults: 500 });
    for (const m of r.data.messages ?? []) if (m.id) ids.push(m.id);
    pageToken = r.data.nextPageToken ?? undefined;
  } while (pageToken);
  return ids;
}
