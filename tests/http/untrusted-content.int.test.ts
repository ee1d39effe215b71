import { afterAll, describe, expect, it } from "vitest";
import { bombPng } from "../../src/server/contacts/avatar-test-images";
import { emulatorAppEnv } from "../../tools/google-emulator/app-env";
import { startGoogleEmulator, type Emulator } from "../../tools/google-emulator/server";
import { useHttpServer, type TestClient } from "./harness";
import { multipart } from "./multipart";

type Ok<T> = { ok: boolean; data: T };
type Batch = { id: string; status: string; counts: Record<string, number> };

/**
 * Issue #14's hostile inputs, sent to the built app (`next start`) as an attacker would. Each
 * runs while a probe polls /api/health: parsing happens in the worker pool, so the web event
 * loop keeps answering. Figures are printed for the record (bench-style), and the assertions
 * have wide margins for a loaded 2-core machine; the old code failed them by minutes.
 */
describe("untrusted content never stalls the server (HTTP)", () => {
  let emu: Emulator | undefined;
  const h = useHttpServer(async () => {
    emu = await startGoogleEmulator({ seed: 14, autoConsent: true, mailbox: { messages: 0 } });
    // The import is polled every second for up to minutes: lift the per-user API limit only.
    // Jobs run in the server process (no REDIS_URL), so the import needs no separate worker.
    return { ...emulatorAppEnv(emu), RATE_LIMIT_API_PER_MIN: "100000", REDIS_URL: "" };
  });
  afterAll(async () => {
    await emu?.close();
  });

  /** Runs `work` while polling /api/health; returns its result, its duration and the slowest health answer. */
  async function withHealthProbe<T>(work: () => Promise<T>) {
    let done = false;
    const latencies: number[] = [];
    const probe = (async () => {
      while (!done) {
        const t = performance.now();
        const r = await fetch(`${h.server().url}/api/health`);
        await r.arrayBuffer();
        latencies.push(performance.now() - t);
        await new Promise((res) => setTimeout(res, 50));
      }
    })();
    const t0 = performance.now();
    try {
      const result = await work();
      return { result, ms: Math.round(performance.now() - t0), ...(await stop()) };
    } finally {
      done = true;
    }
    async function stop() {
      done = true;
      await probe;
      return { healthMaxMs: Math.round(Math.max(0, ...latencies)), healthProbes: latencies.length };
    }
  }

  it("previews a 400 KB CSV with a long whitespace run in one cell, health answering", async () => {
    const c = await h.signUp();
    const pad = " ".repeat(400_000);
    const csv = `Name,Email,Tags\nAna,ana@example.com,yoga${pad}x\n`;
    const run = await withHealthProbe(() =>
      c.post<Ok<{ totalRows: number }>>(
        "/api/v1/imports/preview",
        undefined,
        multipart({}, { name: "c.csv", type: "text/csv", content: csv }),
      ),
    );
    console.info("[untrusted] CSV preview", {
      status: run.result.status,
      ms: run.ms,
      healthMaxMs: run.healthMaxMs,
    });
    expect(run.result.status).toBe(200);
    expect(run.result.json.data.totalRows).toBe(1);
    expect(run.ms).toBeLessThan(15_000);
    expect(run.healthMaxMs).toBeLessThan(5_000);
  });

  it.each(["secondIhdr", "interlaced"] as const)(
    "answers a %s PNG bomb with 415 at once, without the server growing",
    async (kind) => {
      const c = await h.signUp();
      const made = await c.post<Ok<{ id: string }>>("/api/v1/contacts", { displayName: "Bomb target" });
      const png = await bombPng(kind);
      const before = h.server().rssBytes();
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, h.server().rssBytes())), 20);
      const run = await withHealthProbe(() =>
        c.put(
          `/api/v1/contacts/${made.json.data.id}/avatar`,
          undefined,
          multipart({}, { name: "a.png", type: "image/png", content: png }),
        ),
      );
      clearInterval(sampler);
      const growthMb = Math.round((peak - before) / 2 ** 20);
      console.info(`[untrusted] PNG bomb (${kind})`, {
        bytes: png.length,
        status: run.result.status,
        ms: run.ms,
        growthMb,
        healthMaxMs: run.healthMaxMs,
      });
      expect(run.result.status).toBe(415);
      expect(run.ms).toBeLessThan(1_000);
      expect(growthMb).toBeLessThan(50);
    },
  );

  it("imports the two hostile emails through Gmail, health answering", async () => {
    const c = await h.signUp();
    await connectGmail(c);
    const account = emu!.defaultAccount;
    const head = (subject: string, date = "Sat, 01 Mar 2025 10:00:00 +0000") =>
      `From: Stranger <stranger@evil.example>\r\nTo: ${account}\r\nSubject: ${subject}\r\nDate: ${date}\r\n`;
    emu!.control.addMessage(account, {
      raw: `${head("comments")}Content-Type: text/html; charset=utf-8\r\n\r\n<p>Hi</p>${"<!--".repeat(250_000)}`,
    });
    emu!.control.addMessage(account, {
      raw: `${head("date", `Sat, 01 Mar 2025 10:00:00 +0000${" ".repeat(100_000)}`)}\r\nbody\r\n`,
    });
    const run = await withHealthProbe(async () => {
      const approved = await c.post<Ok<{ batchId: string }>>("/api/v1/sync/approve/gmail");
      expect(approved.status).toBe(200);
      for (;;) {
        const list = await c.get<Ok<{ items: Batch[] }>>("/api/v1/sync/batches");
        const b = list.json.data.items.find((x) => x.id === approved.json.data.batchId);
        if (b && ["done", "failed"].includes(b.status)) return b;
        await new Promise((res) => setTimeout(res, 1_000));
      }
    });
    console.info("[untrusted] Gmail import of the two emails", {
      status: run.result.status,
      counts: run.result.counts,
      ms: run.ms,
      healthMaxMs: run.healthMaxMs,
    });
    expect(run.result.status).toBe("done");
    expect(run.result.counts.imported).toBe(2);
    expect(run.ms).toBeLessThan(60_000);
    expect(run.healthMaxMs).toBeLessThan(5_000);
    const search = await c.get<Ok<{ hits: { type: string; title?: string }[] }>>("/api/v1/search?q=comments");
    expect(search.status).toBe(200);
  }, 180_000);

  /** Connect Google for Gmail: app → emulator (auto-consent) → app callback. */
  async function connectGmail(c: TestClient) {
    const start = await c.get("/api/v1/google/oauth?scope=gmail");
    expect(start.status).toBe(302);
    const consent = await fetch(start.headers.get("location")!, { redirect: "manual" });
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get("location")!);
    const cb = await c.get(`${back.pathname}${back.search}`);
    expect([302, 303, 307]).toContain(cb.status);
    expect(cb.headers.get("location")).toContain("connected=google");
  }
});
