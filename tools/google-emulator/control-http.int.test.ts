import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectEmulatorControl } from "./control-client";
import { startGoogleEmulator, type Emulator } from "./server";

let emu: Emulator;
beforeAll(async () => {
  emu = await startGoogleEmulator({ seed: 4, mailbox: { messages: 10 }, calendar: { events: 5 } });
});
afterAll(() => emu.close());

describe("control API over HTTP", () => {
  it("drives the emulator from another process with the same methods", async () => {
    const remote = connectEmulatorControl(emu.url);
    await expect(
      remote.addAccount("coach@example.org", { mailbox: { messages: 5 }, calendar: { events: 3 } }),
    ).resolves.toEqual({ email: "coach@example.org", messages: 15, events: 3 });
    const { id } = await remote.addMessage("coach@example.org", {
      from: "Jane <jane@gmail.com>",
      subject: "Hello",
      text: "Hi",
    });
    const tokens = await remote.mintTokens("coach@example.org");
    const res = await fetch(
      `${emu.apiRootUrl}gmail/v1/users/me/messages/${id}?format=metadata&metadataHeaders=Subject`,
      { headers: { Authorization: `Bearer ${tokens.access_token}` } },
    );
    expect(((await res.json()) as { payload: unknown }).payload).toEqual({
      mimeType: "text/plain",
      headers: [{ name: "Subject", value: "Hello" }],
    });
    await remote.setFault({ kind: "rate_limit_429", count: 1 });
    await remote.clearFaults();
    expect((await remote.stats()).byEndpoint["gmail.users.messages.get"]).toBe(1);
    expect((await (await fetch(`${emu.url}/__emulator/accounts`)).json()) as string[]).toContain(
      "coach@example.org",
    );
  });

  it("validates arguments and reports failures as 400", async () => {
    const bad = await fetch(`${emu.url}/__emulator/setFault`, {
      method: "POST",
      body: JSON.stringify({ args: [{ kind: "meteor" }] }),
    });
    expect(bad.status).toBe(400);
    await expect(
      connectEmulatorControl(emu.url).deleteMessage(emu.defaultAccount, "0000000000000000"),
    ).rejects.toThrow(/no message/);
  });
});

describe("CLI", () => {
  it("prints the app's env and stops cleanly on SIGTERM", async () => {
    const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
    const child = spawn(
      process.execPath,
      ["--import", "tsx", cli, "--port", "0", "--messages", "5", "--events", "3"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", () => out.includes("GOOGLE_API_ROOT_URL=") && resolve());
      child.once("exit", (code) => reject(new Error(`CLI exited early (${code}): ${out}`)));
    });
    expect(out).toMatch(/GOOGLE_OAUTH_AUTH_URL=http:\/\/127\.0\.0\.1:\d+\/o\/oauth2\/v2\/auth/);
    expect(out).toContain("GOOGLE_CLIENT_ID=emulator-client-id");
    const url = /listening on (\S+)/.exec(out)?.[1] ?? "";
    expect((await fetch(`${url}/__emulator/health`)).status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
  }, 30_000);
});
