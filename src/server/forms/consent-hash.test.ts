import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { consentTextOf, recordHash, sha256Hex } from "./consent-hash";
import { decodeSignaturePng } from "./signature-png";
import { testPng, testPngDataUrl } from "./testing/png";

const rec = {
  formName: "Massage intake",
  consentText: "I agree.",
  consentVersion: 1,
  signerName: "Ada Lovelace",
  signaturePng: "data:image/png;base64,AAAA",
  signedAt: new Date("2026-12-07T10:00:00.000Z"),
  ip: "203.0.113.9",
  userAgent: "UA",
};

describe("consent hash", () => {
  it("is the known SHA-256 of a string", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("is stable for the same record and changes when any signed detail changes", () => {
    const h = recordHash(rec);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(recordHash({ ...rec })).toBe(h);
    for (const change of [
      { consentText: "I agree!" },
      { consentVersion: 2 },
      { signerName: "Ada L." },
      { signaturePng: null },
      { signedAt: new Date("2026-12-07T10:00:01.000Z") },
      { ip: "203.0.113.10" },
      { userAgent: "other" },
    ])
      expect(recordHash({ ...rec, ...change })).not.toBe(h);
  });

  it("takes every consent block's text, in order", () => {
    const text = consentTextOf([
      { type: "short_text", label: "x" },
      { type: "consent", label: "A", text: "one" },
      { type: "consent", label: "B", text: "two" },
    ]);
    expect(text).toBe("A\none\n\nB\ntwo");
  });
});

describe("signature PNG validation", () => {
  const code = (f: () => unknown) => {
    try {
      f();
      return "ok";
    } catch (e) {
      return e instanceof AppError ? e.code : "crash";
    }
  };
  it("accepts a real small PNG", () => {
    expect(decodeSignaturePng(testPngDataUrl()).length).toBe(testPng().length);
  });
  it.each([
    ["another image type", "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="],
    ["not base64", "data:image/png;base64,@@@@"],
    [
      "not a PNG",
      `data:image/png;base64,${Buffer.from("GIF89a-not-a-png-at-all-just-bytes-here").toString("base64")}`,
    ],
    ["a huge image", `data:image/png;base64,${"A".repeat(400_000)}`],
    ["an empty image", "data:image/png;base64,"],
    ["absurd dimensions", `data:image/png;base64,${withSize(testPng(), 100_000, 10).toString("base64")}`],
  ])("refuses %s with a 400", (_l, url) => {
    expect(code(() => decodeSignaturePng(url))).toBe("invalid_body");
  });
});

function withSize(png: Buffer, w: number, h: number): Buffer {
  const b = Buffer.from(png);
  b.writeUInt32BE(w, 16);
  b.writeUInt32BE(h, 20);
  return b;
}
