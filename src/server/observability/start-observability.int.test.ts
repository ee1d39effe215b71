import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCaptureServer } from "./testing/capture-server";

const run = promisify(execFile);
const probe = fileURLToPath(new URL("./testing/probe-process.ts", import.meta.url));

type ProbeResult = { status: number; sentry: boolean; tracing: boolean; sdk: string[] };

// Off by default means more than "sends nothing": the SDKs are not even loaded. Each case is
// a fresh process, so module loading is observed from the start.
describe("observability from the environment", () => {
  let sink: Awaited<ReturnType<typeof startCaptureServer>>;
  beforeAll(async () => {
    sink = await startCaptureServer();
  });
  afterAll(() => sink.close());

  // react-server: the probe loads http/handler.ts, which is marked `import "server-only"`
  // and resolves it the way Next.js route handlers do.
  const probeWith = async (extra: Record<string, string>): Promise<ProbeResult> => {
    const base = { ...process.env };
    delete base.SENTRY_DSN;
    delete base.OTEL_EXPORTER_OTLP_ENDPOINT;
    const { stdout } = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", probe], {
      // Its own DATA_DIR: the probe may generate local secrets and must not touch the repo's.
      env: {
        ...base,
        LOG_LEVEL: "silent",
        DATA_DIR: mkdtempSync(path.join(tmpdir(), "omnicrm-obs-")),
        ...extra,
      },
      timeout: 60_000,
    });
    return JSON.parse(stdout.trim().split("\n").at(-1)!) as ProbeResult;
  };

  it("without SENTRY_DSN or OTEL_EXPORTER_OTLP_ENDPOINT: a 500 sends nothing and no SDK is imported", async () => {
    const r = await probeWith({});
    expect(r).toMatchObject({ status: 500, sentry: false, tracing: false });
    expect(r.sdk).toEqual([]);
    expect(sink.received).toHaveLength(0);
  });

  it("with both set: the SDKs load and the 500 reaches the error tracker", async () => {
    const r = await probeWith({
      SENTRY_DSN: `http://publickey@127.0.0.1:${sink.port}/1`,
      OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
    });
    expect(r).toMatchObject({ status: 500, sentry: true, tracing: true });
    expect(r.sdk.some((u) => u.includes("/@sentry/node/"))).toBe(true);
    expect(r.sdk.some((u) => u.includes("/@opentelemetry/sdk-trace-node/"))).toBe(true);
    const events = sink.received.filter((x) => x.path.startsWith("/api/1/envelope/"));
    expect(events).toHaveLength(1);
    expect(events[0]!.body).toContain("probe failure");
  });
});
