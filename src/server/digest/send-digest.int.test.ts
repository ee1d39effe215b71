import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { startSmtpSink } from "../../../tests/http/smtp-sink";
import { newUserCtx } from "../contacts/test-ctx";
import type { DbHandle } from "../db/client";
import { withSystem, withUser } from "../db/with-user";
import { localToday } from "../followups/local-time";
import { runUserJobsNow } from "../jobs/queue/embedded";
import { rootLog } from "../log";
import { createTask } from "../tasks/create-task";
import { useTestDb } from "../testing/test-db";
import { updateDigestSettings } from "./digest-settings";
import { digestTick } from "./digest-tick";
import { getDigestPreview } from "./get-digest-preview";
import { sendDigest, STALE_CLAIM_MS } from "./send-digest";
import { unsubscribeDigest } from "./unsubscribe-digest";
import { unsubscribeToken } from "./unsubscribe-token";

let h: DbHandle;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const saved = { SMTP_URL: process.env.SMTP_URL, AUTH_SECRET: process.env.AUTH_SECRET };
beforeAll(async () => {
  h = await useTestDb();
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.AUTH_SECRET ??= "test-auth-secret-0123456789abcdef012345678";
  resetEnvCache();
});
afterAll(async () => {
  await sink.close();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
});

// Long headers are folded onto the next line.
const messageId = (data: string) => /Message-ID:\s+(\S+)/.exec(data)?.[1];
const mailsTo = (email: string) => sink.mails.filter((m) => m.to.join().includes(email));

/** A user whose digest hour (UTC) is the current hour, with one task due today. */
async function digestUser() {
  const ctx = await newUserCtx(h);
  const [u] = await withUser(ctx, (tx) =>
    tx
      .execute<{ email: string }>(sql`SELECT email FROM auth_users WHERE id = ${ctx.userId}`)
      .then((r) => r.rows),
  );
  await updateDigestSettings(ctx, { digestEnabled: true, digestHour: new Date().getUTCHours() });
  await createTask(ctx, { title: "Send Maya the <stretch> PDF", due: localToday("UTC") });
  return { ctx, email: u!.email, sys: { db: h.db, log: rootLog() } };
}

describe("morning digest", () => {
  it("previews the Today items as HTML and text", async () => {
    const { ctx } = await digestUser();
    const p = await getDigestPreview(ctx);
    expect(p.subject).toBe("Your day: 1 task");
    expect(p.html).toContain("Send Maya the &lt;stretch&gt; PDF");
    expect(p.text).toContain("Send Maya the <stretch> PDF");
    expect(p.text).toContain("/api/v1/digest/unsubscribe?token=");
  });

  it("sends exactly once under two workers, a re-delivered job and a restart", async () => {
    const { ctx, email, sys } = await digestUser();
    const localDate = localToday("UTC");
    // Two workers handed the same job at once: one sends, the other finds the claim.
    const outcomes = await Promise.all([sendDigest(ctx, { localDate }), sendDigest(ctx, { localDate })]);
    expect(outcomes.sort()).toEqual(["already", "sent"]);
    // After a restart the queue re-delivers the job and the scheduler ticks again: nothing more.
    expect(await sendDigest(ctx, { localDate })).toBe("already");
    expect((await digestTick(sys, new Date(), { onlyUserIds: [ctx.userId] })).enqueued).toBe(0);
    const mails = mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(messageId(mails[0]!.data)).toBe(`<digest-${ctx.userId}-${localDate}@omnicrm>`);
    expect(mails[0]!.data).toContain("List-Unsubscribe:");
    expect(mails[0]!.data).toMatch(/multipart\/alternative/);
  });

  it("the scheduler tick enqueues one job per user and date; two runners process it once", async () => {
    const { ctx, email, sys } = await digestUser();
    const now = new Date();
    expect((await digestTick(sys, now, { onlyUserIds: [ctx.userId] })).enqueued).toBe(1);
    expect((await digestTick(sys, now, { onlyUserIds: [ctx.userId] })).enqueued).toBe(0); // deduplicated
    await Promise.all([
      runUserJobsNow(h.db, rootLog(), ctx.userId, { perUser: 2, budgetMs: 30_000 }),
      runUserJobsNow(h.db, rootLog(), ctx.userId, { perUser: 2, budgetMs: 30_000 }),
    ]);
    expect(mailsTo(email)).toHaveLength(1);
    const jobs = await withSystem(h.db, (tx) =>
      tx.execute<{ status: string }>(
        sql`SELECT status FROM jobs WHERE user_id = ${ctx.userId} AND kind = 'send_digest'`,
      ),
    );
    expect(jobs.rows.map((j) => j.status)).toEqual(["done"]);
    expect((await digestTick(sys, now, { onlyUserIds: [ctx.userId] })).enqueued).toBe(0);
    // Outside the user's hour nothing is due.
    const later = new Date(now.getTime() + 5 * 3_600_000);
    expect((await digestTick(sys, later, { onlyUserIds: [ctx.userId] })).enqueued).toBe(0);
  });

  it("a run that died after claiming is retried with the same Message-ID; a live claim is left alone", async () => {
    const { ctx, email } = await digestUser();
    const stale = new Date(Date.now() - STALE_CLAIM_MS - 60_000);
    const fresh = new Date(Date.now() - 60_000);
    await withUser(ctx, (tx) =>
      tx.execute(sql`INSERT INTO digest_sends (user_id, local_date, message_id, claimed_at) VALUES
        (${ctx.userId}, '2026-01-01', ${`<digest-${ctx.userId}-2026-01-01@omnicrm>`}, ${stale.toISOString()}),
        (${ctx.userId}, '2026-01-02', ${`<digest-${ctx.userId}-2026-01-02@omnicrm>`}, ${fresh.toISOString()})`),
    );
    expect(await sendDigest(ctx, { localDate: "2026-01-01" })).toBe("sent");
    expect(await sendDigest(ctx, { localDate: "2026-01-02" })).toBe("already");
    expect(mailsTo(email).map((m) => messageId(m.data))).toEqual([
      `<digest-${ctx.userId}-2026-01-01@omnicrm>`,
    ]);
    // A fresh claim is taken over at once by a later attempt of the same job (its previous
    // run died: the queue re-delivered it), never by another job.
    const job = randomUUID();
    await withUser(ctx, (tx) =>
      tx.execute(sql`INSERT INTO digest_sends (user_id, local_date, message_id, claimed_at, claim_job_id, claim_attempt)
        VALUES (${ctx.userId}, '2026-01-03', ${`<digest-${ctx.userId}-2026-01-03@omnicrm>`}, now(), ${job}, 1)`),
    );
    expect(await sendDigest({ ...ctx, jobId: randomUUID(), attempt: 2 }, { localDate: "2026-01-03" })).toBe(
      "already",
    );
    expect(await sendDigest({ ...ctx, jobId: job, attempt: 2 }, { localDate: "2026-01-03" })).toBe("sent");
    expect(await sendDigest({ ...ctx, jobId: job, attempt: 3 }, { localDate: "2026-01-03" })).toBe("already");
    expect(mailsTo(email)).toHaveLength(2);
  });

  it("the tick re-enqueues a day whose claim went stale (its run died and no retry took over)", async () => {
    const { ctx, email, sys } = await digestUser();
    const localDate = localToday("UTC");
    const claim = (at: Date) =>
      withUser(ctx, (tx) =>
        tx.execute(sql`INSERT INTO digest_sends (user_id, local_date, message_id, claimed_at)
          VALUES (${ctx.userId}, ${localDate}, ${`<digest-${ctx.userId}-${localDate}@omnicrm>`}, ${at.toISOString()})
          ON CONFLICT (user_id, local_date) DO UPDATE SET claimed_at = excluded.claimed_at`),
      );
    await claim(new Date(Date.now() - 60_000));
    expect((await digestTick(sys, new Date(), { onlyUserIds: [ctx.userId] })).enqueued).toBe(0);
    await claim(new Date(Date.now() - STALE_CLAIM_MS - 60_000));
    expect((await digestTick(sys, new Date(), { onlyUserIds: [ctx.userId] })).enqueued).toBe(1);
    await runUserJobsNow(h.db, rootLog(), ctx.userId, { perUser: 2, budgetMs: 30_000 });
    expect(mailsTo(email)).toHaveLength(1);
    expect((await digestTick(sys, new Date(), { onlyUserIds: [ctx.userId] })).enqueued).toBe(0);
  });

  it("a signed unsubscribe link turns the digest off; a forged one does nothing", async () => {
    const { ctx, email, sys } = await digestUser();
    await expect(unsubscribeDigest(sys, { token: `${unsubscribeToken(ctx.userId)}x` })).rejects.toMatchObject(
      {
        code: "not_found",
      },
    );
    await unsubscribeDigest(sys, { token: unsubscribeToken(ctx.userId) });
    expect(await sendDigest(ctx, { localDate: localToday("UTC") })).toBe("disabled");
    expect((await digestTick(sys, new Date(), { onlyUserIds: [ctx.userId] })).enqueued).toBe(0);
    expect(mailsTo(email)).toHaveLength(0);
  });
});
