/**
 * Child process of bench:import: imports one emulator account with the real sync job code
 * (syncGmail full sync, then syncCalendar), as a worker would, and prints one JSON line
 * with wall time, rows imported and its own peak RSS (VmHWM). Runs in its own process so
 * the figure is the worker's memory, not the emulator's or the parent bench's.
 * Input (env): BENCH_TOKENS (JSON minted by the emulator), BENCH_ACCOUNT, GOOGLE_* env.
 */
import { sql } from "drizzle-orm";
import type { Ctx } from "../src/server/context";
import { withUser } from "../src/server/db/with-user";
import { saveTokens } from "../src/server/google/token-store";
import { rootLog } from "../src/server/log";
import { syncCalendar } from "../src/server/sync/sync-calendar";
import { syncGmail } from "../src/server/sync/sync-gmail";
import { updateSyncPrefs } from "../src/server/sync/sync-prefs";
import { benchUser, flag, openBenchDb, peakRssMb } from "./lib/setup";

type Tokens = { access_token: string; refresh_token?: string; expires_in: number; scope: string };

async function main(): Promise<void> {
  const h = await openBenchDb(5);
  const userId = await benchUser(h, "import");
  const ctx: Ctx = { db: h.db, userId, log: rootLog() };
  const t = JSON.parse(process.env.BENCH_TOKENS!) as Tokens;
  for (const service of ["gmail", "calendar"] as const)
    await saveTokens(ctx, service, {
      accessToken: t.access_token,
      refreshToken: t.refresh_token ?? null,
      expiresAt: new Date(Date.now() + t.expires_in * 1000),
      grantedScopes: t.scope.split(" "),
      accountEmail: process.env.BENCH_ACCOUNT!,
    });
  await updateSyncPrefs(ctx, { gmailQuery: "", gmailLabelExcludes: [], contactCreationPolicy: "engaged" });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  await syncGmail(ctx, { batchId: null, incremental: false });
  const gmailS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  if (flag("calendar")) await syncCalendar(ctx, { batchId: null, incremental: false });
  const calendarS = (performance.now() - t1) / 1000;
  clearInterval(sampler);
  const counts = await withUser({ db: h.db, userId }, (tx) =>
    tx.execute<{ source: string; n: number }>(
      sql`SELECT source, count(*)::int AS n FROM interactions WHERE user_id = ${userId} GROUP BY source`,
    ),
  );
  const by = Object.fromEntries(counts.rows.map((r) => [r.source, r.n]));
  const vmhwm = await peakRssMb();
  process.stdout.write(
    `BENCH_RESULT ${JSON.stringify({
      gmailS,
      calendarS,
      gmail: by.gmail ?? 0,
      calendar: by.calendar ?? 0,
      peakRssMb: vmhwm ?? Math.round(peak / 2 ** 20),
    })}\n`,
  );
  await h.close();
  process.exit(0);
}

void main();
