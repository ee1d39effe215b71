import { afterAll, describe, expect, it } from "vitest";
import { testPng } from "../contacts/avatar-test-images";
import { closeUntrustedPool, runUntrusted } from "./run-untrusted";

afterAll(() => closeUntrustedPool());

describe("runUntrusted (worker pool)", () => {
  it("runs a task in a worker thread and returns its result", { timeout: 30_000 }, async () => {
    const out = await runUntrusted(
      "importText",
      { text: "Name,Email\nAna,a@x.org\n", filename: "c.csv" },
      { timeoutMs: 20_000 },
    );
    expect(out.rows).toMatchObject([{ displayName: "Ana", emails: ["a@x.org"] }]);
  });

  it("hands a task's AppError back as an AppError", { timeout: 30_000 }, async () => {
    await expect(
      runUntrusted("importText", { text: "Colour\nred\n", filename: "c.csv" }, { timeoutMs: 20_000 }),
    ).rejects.toMatchObject({ name: "AppError", code: "invalid_body" });
    await expect(runUntrusted("avatar", Buffer.from("GIF89a"), { timeoutMs: 20_000 })).rejects.toMatchObject({
      code: "unsupported_media_type",
    });
  });

  it("returns an image as bytes", { timeout: 30_000 }, async () => {
    const out = await runUntrusted("avatar", testPng(20, 10), { timeoutMs: 20_000 });
    expect(out.mime).toBe("image/png");
    expect(out.bytes.byteLength).toBeGreaterThan(0);
  });

  it(
    "stops a task past its time budget (its thread is terminated) with 422",
    { timeout: 30_000 },
    async () => {
      const text = `Name,Email\n${"Ana,a@x.org\n".repeat(200_000)}`;
      await expect(
        runUntrusted("importText", { text, filename: "c.csv" }, { timeoutMs: 1 }),
      ).rejects.toMatchObject({
        code: "unprocessable",
        message: "the content took too long to process",
      });
      // The pool is still usable afterwards.
      const ok = await runUntrusted(
        "importText",
        { text: "Name\nBo\n", filename: "c.csv" },
        { timeoutMs: 20_000 },
      );
      expect(ok.rows).toHaveLength(1);
    },
  );
});
