import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DecryptionError, Encryptor } from "./encryption";
import { parseMasterKey } from "./keys";
import { Signer } from "./signing";

const k1 = randomBytes(32).toString("base64");
const k2 = randomBytes(32).toString("hex");

describe("Encryptor", () => {
  it("round-trips and writes the versioned format", () => {
    const e = new Encryptor(k1);
    const c = e.encrypt("refresh-token-123", "tokens");
    expect(c).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(e.decrypt(c, "tokens")).toBe("refresh-token-123");
  });

  it("uses a fresh IV each time", () => {
    const e = new Encryptor(k1);
    expect(e.encrypt("x")).not.toBe(e.encrypt("x"));
  });

  it("fails loudly on tampered ciphertext", () => {
    const e = new Encryptor(k1);
    const [v, iv, ct, tag] = e.encrypt("secret").split(":");
    const flipped = Buffer.from(ct!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => e.decrypt([v, iv, flipped.toString("base64url"), tag].join(":"))).toThrow(DecryptionError);
    expect(() => e.decrypt("v2:a:b:c")).toThrow(DecryptionError);
  });

  it("separates purposes", () => {
    const e = new Encryptor(k1);
    expect(() => e.decrypt(e.encrypt("x", "tokens"), "health")).toThrow(DecryptionError);
  });

  it("decrypts with old keys after rotation and flags rows to re-encrypt", () => {
    const old = new Encryptor(k1).encrypt("legacy", "tokens");
    const rotated = new Encryptor(k2, [k1]);
    expect(rotated.decrypt(old, "tokens")).toBe("legacy");
    expect(rotated.needsRotation(old, "tokens")).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt("new", "tokens"), "tokens")).toBe(false);
    expect(() => new Encryptor(k2).decrypt(old, "tokens")).toThrow(DecryptionError);
  });

  it("accepts base64, hex and long text keys, and rejects short ones", () => {
    expect(parseMasterKey(k1)).toHaveLength(32);
    expect(parseMasterKey(k2)).toHaveLength(32);
    expect(parseMasterKey("a passphrase that is definitely long enough")).toHaveLength(32);
    expect(() => parseMasterKey("short")).toThrow();
  });
});

describe("Signer", () => {
  it("verifies its own signatures only", () => {
    const s = new Signer(k1, "csrf");
    const sig = s.sign("nonce");
    expect(s.verify("nonce", sig)).toBe(true);
    expect(s.verify("nonce2", sig)).toBe(false);
    expect(new Signer(k1, "other").verify("nonce", sig)).toBe(false);
    expect(s.verify("nonce", "short")).toBe(false);
  });
});
