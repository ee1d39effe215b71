import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink } from "../../../tests/http/smtp-sink";
import { newUserCtx } from "../contacts/test-ctx";
import type { DbHandle } from "../db/client";
import { jobs } from "../db/schema/jobs";
import { withSystem, withUser } from "../db/with-user";
import { localToday } from "../followups/local-time";
import { bullQueue, closeBullmq, configureBullmq } from "../jobs/queue/bullmq";
import { waitFor } from "../jobs/testing/test-jobs";
import { rootLog } from "../log";
import { createTask } from "../tasks/create-task";
import { useTestDb } from "../testing/test-db";
import { updateDigestSettings } from "./digest-settings";
import { digestTick } from "./digest-tick";

const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
// Worker processes must share the database and the queue: real Postgres and Redis only.
const available = Boolean(redisUrl && databaseUrl);

/**
 * The morning digest on real worker processes: the worker sending it is killed with
 * SIGKILL in the middle of the SMTP conversation, the queue re-delivers the job to the
 * other worker, a restarted worker and the scheduler tick find nothing left to do — and
 * the SMTP sink holds exactly one digest.
 */
describe.runIf(available)("morning digest on worker processes", () => {
  let h: DbHandle;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const prefix = `omnicrm-digest-${randomUUID().slice(0, 8)}`;
  const workers: ChildProcess[] = [];
  let held: () => void = () => undefined;
  const firstHeld = new Promise<void>((r) => (held = r));
  let holdNext = true;
  const authSecret = process.env.AUTH_SECRET ?? "test-auth-secret-0123456789abcdef012345678";

  const spawnWorker = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const args = { databaseUrl, redisUrl, prefix, concurrency: 2, perUser: 2 };
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "src/server/jobs/testing/test-worker.ts", JSON.stringify(args)],
        {
          stdio: ["ignore", "inherit", "inherit", "ipc"],
          env: {
            ...process.env,
            SMTP_URL: sink.url,
            AUTH_SECRET: authSecret,
            LOG_LEVEL: process.env.LOG_LEVEL ?? "fatal",
          },
        },
      );
      workers.push(child);
      child.once("message", () => resolve(child));
      child.once("exit", (code) => reject(new Error(`test worker exited early (${code})`)));
    });

  beforeAll(async () => {
    h = await useTestDb();
    // The first sender is held between its envelope and its message: that is where it dies.
    sink = await startSmtpSink({
      beforeData: async () => {
        if (!holdNext) return;
        holdNext = false;
        held();
        await new Promise(() => undefined);
      },
    });
    configureBullmq({ url: redisUrl!, prefix });
    await Promise.all([spawnWorker(), spawnWorker()]);
  }, 60_000);

  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
    for (const q of ["default", "sync", "ai", "system"] as const)
      await bullQueue(q).obliterate({ force: true });
    await closeBullmq();
    await sink.close();
  });

  it("sends exactly one digest when its worker is killed mid-send, and none more after a restart", async () => {
    const ctx = await newUserCtx(h);
    const sys = { db: h.db, log: rootLog() };
    const [u] = await withUser(ctx, (tx) =>
      tx
        .execute<{ email: string }>(sql`SELECT email FROM auth_users WHERE id = ${ctx.userId}`)
        .then((r) => r.rows),
    );
    await updateDigestSettings(ctx, { digestEnabled: true, digestHour: new Date().getUTCHours() });
    await createTask(ctx, { title: "Send Maya the stretch PDF", due: localToday("UTC") });
    const localDate = localToday("UTC");
    const job = () =>
      withSystem(h.db, (tx) =>
        tx
          .select()
          .from(jobs)
          .where(and(eq(jobs.userId, ctx.userId), eq(jobs.kind, "send_digest"))),
      );

    expect((await digestTick(sys, new Date(), { onlyUserIds: [ctx.userId] })).enqueued).toBe(1);
    await firstHeld; // a worker has claimed the digest and is in the middle of sending it
    const lockedBy = (await job())[0]?.lockedBy ?? "";
    const victim = workers.find((w) => lockedBy.includes(`:${w.pid}:`));
    expect(victim).toBeDefined();
    victim!.kill("SIGKILL");

    await waitFor(async () => (await job())[0]?.status === "done", 30_000, 100);
    const mails = () => sink.mails.filter((m) => m.to.join().includes(u!.email));
    expect(mails()).toHaveLength(1);
    expect(mails()[0]!.data).toContain(`<digest-${ctx.userId}-${localDate}@omnicrm>`);
    expect(mails()[0]!.data).toContain("Send Maya the stretch PDF");
    const [row] = await job();
    expect(row).toMatchObject({ status: "done", attempts: 2 });
    expect(row!.lockedBy ?? "").not.toContain(`:${victim!.pid}:`);

    // Restart: a fresh worker joins, the scheduler ticks again; nothing more is sent.
    await spawnWorker();
    expect((await digestTick(sys, new Date(), { onlyUserIds: [ctx.userId] })).enqueued).toBe(0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(mails()).toHaveLength(1);
    const sends = await withUser(ctx, (tx) =>
      tx.execute<{ status: string }>(sql`SELECT status FROM digest_sends WHERE user_id = ${ctx.userId}`),
    );
    expect(sends.rows).toEqual([{ status: "sent" }]);
  }, 90_000);
});
