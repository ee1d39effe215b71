import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveKey, parseMasterKey } from "./keys";

/** HMAC-SHA256 signatures (base64url) with per-purpose keys and constant-time checks. */
export class Signer {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = deriveKey(parseMasterKey(secret), `hmac:${purpose}`);
  }

  sign(value: string): string {
    return createHmac("sha256", this.key).update(value, "utf8").digest("base64url");
  }

  verify(value: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(value));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
