import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { withLogScope } from "../log-context";
import { sendResetEmail } from "./send-reset-email";

const saved = { ...process.env };

/** Captures what the root logger writes while `fn` runs. */
async function logsOf(fn: () => Promise<unknown>): Promise<string> {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((c: string | Uint8Array) => {
    chunks.push(typeof c === "string" ? c : Buffer.from(c).toString("utf8"));
    return true;
  }) as typeof process.stdout.write;
  try {
    await withLogScope({}, fn).catch(() => undefined);
  } finally {
    process.stdout.write = write;
  }
  return chunks.join("");
}

describe("sendResetEmail", () => {
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
  });

  it("never writes the reset link to the log in production", async () => {
    Object.assign(process.env, {
      NODE_ENV: "production",
      DATABASE_URL: "postgres://db/x",
      APP_ENCRYPTION_KEY: "k",
      AUTH_SECRET: "s",
      PASSWORD_RESET_DISABLED: "",
      SMTP_URL: "",
      LOG_LEVEL: "info",
    });
    // Bypass start-up validation (which already refuses this configuration) to prove the
    // sender itself holds the line.
    const { parseEnv } = await import("@/lib/env");
    const env = parseEnv({ ...process.env, SMTP_URL: "smtp://x" });
    (globalThis as { __omnicrmEnv?: unknown }).__omnicrmEnv = { ...env, SMTP_URL: undefined };
    const out = await logsOf(() =>
      sendResetEmail("a@b.test", "https://crm.example/reset-password?token=SECRET"),
    );
    expect(out).not.toContain("SECRET");
  });

  it("refuses when password reset is disabled", async () => {
    Object.assign(process.env, { PASSWORD_RESET_DISABLED: "1" });
    resetEnvCache();
    await expect(sendResetEmail("a@b.test", "https://x/reset?token=T")).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
