import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink } from "../../../tests/http/smtp-sink";
import type { DbHandle } from "../db/client";
import { jobs } from "../db/schema/jobs";
import { withSystem } from "../db/with-user";
import { enqueueUnchecked } from "../jobs/enqueue";
import { bullQueue, closeBullmq, configureBullmq } from "../jobs/queue/bullmq";
import { waitFor } from "../jobs/testing/test-jobs";
import { useTestDb } from "../testing/test-db";
import { cancelBooking } from "./change-booking";
import { createPublicBooking } from "./create-public-booking";
import { resolveHandle } from "./resolve-handle";
import { practitioner, tomorrowAt } from "./testing/booking-test-env";

const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
// Two worker processes must share the database and Redis: real services only.
const available = Boolean(redisUrl && databaseUrl);

describe.runIf(available)("booking reminders under two BullMQ workers", () => {
  let h: DbHandle;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const prefix = `omnicrm-booking-${randomUUID().slice(0, 8)}`;
  const workers: ChildProcess[] = [];
  let holdFor: string | null = null;

  const spawnWorker = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const args = { databaseUrl, redisUrl, prefix, concurrency: 10, perUser: 50 };
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "src/server/jobs/testing/test-worker.ts", JSON.stringify(args)],
        {
          stdio: ["ignore", "inherit", "inherit", "ipc"],
          env: { ...process.env, SMTP_URL: sink.url, LOG_LEVEL: process.env.LOG_LEVEL ?? "fatal" },
        },
      );
      workers.push(child);
      child.once("message", () => resolve(child));
      child.once("exit", (code) => reject(new Error(`test worker exited early (${code})`)));
    });

  beforeAll(async () => {
    h = await useTestDb();
    // The kill test makes the server hang on one reminder, so a worker dies mid-send.
    sink = await startSmtpSink({
      hold: (m) => holdFor !== null && m.to.join().includes(holdFor) && /Subject: Reminder:/.test(m.data),
    });
    configureBullmq({ url: redisUrl!, prefix });
    await Promise.all([spawnWorker(), spawnWorker()]);
  });

  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
    for (const q of ["default", "sync", "ai", "system"] as const)
      await bullQueue(q).obliterate({ force: true });
    await closeBullmq();
    await sink.close();
  });

  const sentCount = async (bookingId: string) =>
    (
      await withSystem(h.db, (tx) =>
        tx.execute<{ n: number }>(sql`SELECT count(*)::int n FROM booking_messages
          WHERE booking_id = ${bookingId} AND kind = 'reminder:1440' AND sent_at IS NOT NULL`),
      )
    ).rows[0]!.n;
  const jobsDone = async (want: string[]) => {
    const rows = await withSystem(h.db, (tx) => tx.select().from(jobs).where(inArray(jobs.id, want)));
    return rows.every((r) => r.status === "done");
  };

  const reminders = (email: string) =>
    sink.mails.filter((m) => m.to.join().includes(email) && /Subject: Reminder:/.test(m.data));

  it("sends each reminder once although both workers run copies of its job, and none when cancelled", async () => {
    const p = await practitioner(h);
    const ctx = await resolveHandle(h.db, p.handle);
    const email = `rem-${randomUUID().slice(0, 8)}@example.com`;
    const cancelledEmail = `gone-${randomUUID().slice(0, 8)}@example.com`;
    const { bookingId } = await createPublicBooking(ctx, {
      serviceId: p.service.id,
      start: tomorrowAt(10, 3),
      name: "Rem Client",
      email,
      consent: true,
    });
    const gone = await createPublicBooking(ctx, {
      serviceId: p.service.id,
      start: tomorrowAt(14, 3),
      name: "Gone Client",
      email: cancelledEmail,
      consent: true,
    });
    await cancelBooking(p.ctx, gone.bookingId, { selfService: false });
    // At-least-once delivery made concrete: 8 copies of the 24 h reminder job (no dedupe key),
    // due now, spread over two worker processes; and 4 copies for the cancelled booking.
    const copies = (id: string, n: number) =>
      Array.from({ length: n }, () => ({
        kind: "booking_reminder",
        payload: { bookingId: id, version: 1, minutesBefore: 1440 },
      }));
    const ids = [
      ...(await enqueueUnchecked(p.ctx, copies(bookingId, 8))),
      ...(await enqueueUnchecked(p.ctx, copies(gone.bookingId, 4))),
    ].map((r) => r.id);
    const sent = async () =>
      (
        await withSystem(h.db, (tx) =>
          tx.execute<{ n: number }>(sql`SELECT count(*)::int n FROM booking_messages
            WHERE booking_id = ${bookingId} AND kind = 'reminder:1440' AND sent_at IS NOT NULL`),
        )
      ).rows[0]!.n;
    const allDone = async (want: string[]) => {
      const rows = await withSystem(h.db, (tx) => tx.select().from(jobs).where(inArray(jobs.id, want)));
      return rows.every((r) => r.status === "done");
    };
    // Every copy has finished and the one claimed send has completed (a copy whose lock
    // lapsed under load may be re-run by the other worker: that run must send nothing).
    await waitFor(async () => (await allDone(ids)) && (await sent()) === 1, 60_000);
    expect(reminders(email)).toHaveLength(1);
    expect(reminders(email)[0]!.data.replace(/\r?\n\s+/g, " ")).toContain(
      `Message-ID: <${bookingId}.reminder-1440.v1@booking.omnicrm>`,
    );
    expect(reminders(cancelledEmail)).toHaveLength(0);
    // The claim survives restarts: later copies (a new worker, a re-sent message) send nothing.
    const later = (await enqueueUnchecked(p.ctx, copies(bookingId, 2))).map((r) => r.id);
    await waitFor(() => allDone(later), 60_000);
    expect(reminders(email)).toHaveLength(1);
    expect(await sent()).toBe(1);
  });

  it("still sends the reminder exactly once when every worker is killed in the middle of sending it", async () => {
    const p = await practitioner(h);
    const ctx = await resolveHandle(h.db, p.handle);
    const email = `kill-${randomUUID().slice(0, 8)}@example.com`;
    const { bookingId } = await createPublicBooking(ctx, {
      serviceId: p.service.id,
      start: tomorrowAt(16, 3),
      name: "Kill Client",
      email,
      consent: true,
    });
    holdFor = email;
    const [job] = await enqueueUnchecked(p.ctx, [
      { kind: "booking_reminder", payload: { bookingId, version: 1, minutesBefore: 1440 } },
    ]);
    // A worker claimed the mail and is inside the SMTP conversation; the server never answers.
    await waitFor(async () => sink.held.some((m) => m.to.join().includes(email)), 60_000);
    expect(await sentCount(bookingId)).toBe(0);
    const alive = workers.filter((w) => w.exitCode === null && w.signalCode === null);
    await Promise.all(
      alive.map((w) => new Promise<void>((r) => (w.once("exit", () => r()), w.kill("SIGKILL")))),
    );
    holdFor = null;
    // A restarted worker finds the stalled job and runs it again (next attempt), which takes
    // the dead run's claim over and sends: one mail, not zero (claim stuck) and not two.
    await spawnWorker();
    // (It may first find the dead run's claim still leased: up to CLAIM_LEASE_MS.)
    await waitFor(async () => (await jobsDone([job!.id])) && (await sentCount(bookingId)) === 1, 120_000);
    expect(reminders(email)).toHaveLength(1);
    expect(sink.held.filter((m) => m.to.join().includes(email))).toHaveLength(1);
    // More copies later (a re-sent message after the restart) send nothing.
    const later = (
      await enqueueUnchecked(p.ctx, [
        { kind: "booking_reminder", payload: { bookingId, version: 1, minutesBefore: 1440 } },
      ])
    ).map((r) => r.id);
    await waitFor(() => jobsDone(later), 60_000);
    expect(reminders(email)).toHaveLength(1);
  }, 240_000);
});
