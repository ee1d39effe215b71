import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { deriveKey, parseMasterKey } from "./keys";

export type Purpose = "tokens" | "health" | "files" | "general";

export class DecryptionError extends Error {
  constructor(message = "ciphertext could not be decrypted (tampered, or encrypted with an unknown key)") {
    super(message);
    this.name = "DecryptionError";
  }
}

const b64u = (b: Buffer) => b.toString("base64url");
const unb64u = (s: string) => Buffer.from(s, "base64url");

/**
 * AES-256-GCM with a versioned text format `v1:iv:ciphertext:tag` (base64url). Decryption
 * tries the current key, then each old key, so keys rotate without a flag day.
 */
export class Encryptor {
  private readonly keys: Buffer[];

  constructor(currentKey: string, oldKeys: string[] = []) {
    this.keys = [currentKey, ...oldKeys].map(parseMasterKey);
  }

  encrypt(plaintext: string, purpose: Purpose = "general"): string {
    const key = deriveKey(this.keys[0]!, purpose);
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return `v1:${b64u(iv)}:${b64u(ct)}:${b64u(cipher.getAuthTag())}`;
  }

  decrypt(payload: string, purpose: Purpose = "general"): string {
    return this.decryptWith(this.keys, payload, purpose);
  }

  /** True when the value was written with an old key and should be re-encrypted. */
  needsRotation(payload: string, purpose: Purpose = "general"): boolean {
    try {
      this.decryptWith(this.keys.slice(0, 1), payload, purpose);
      return false;
    } catch {
      return true;
    }
  }

  private decryptWith(keys: Buffer[], payload: string, purpose: Purpose): string {
    const parts = payload.split(":");
    if (parts.length !== 4 || parts[0] !== "v1") throw new DecryptionError("unknown ciphertext format");
    const [, ivS, ctS, tagS] = parts as [string, string, string, string];
    const iv = unb64u(ivS);
    const tag = unb64u(tagS);
    if (iv.length !== 12 || tag.length !== 16) throw new DecryptionError("malformed ciphertext");
    for (const master of keys) {
      try {
        const d = createDecipheriv("aes-256-gcm", deriveKey(master, purpose), iv);
        d.setAuthTag(tag);
        return Buffer.concat([d.update(unb64u(ctS)), d.final()]).toString("utf8");
      } catch {
        // wrong key or tampered: try the next key, fail loudly after the last
      }
    }
    throw new DecryptionError();
  }
}
