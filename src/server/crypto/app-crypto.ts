import { env } from "@/lib/env";
import { Encryptor } from "./encryption";
import { Signer } from "./signing";

const g = globalThis as unknown as { __omnicrmEnc?: Encryptor };

/** The process-wide encryptor built from APP_ENCRYPTION_KEY (+ APP_ENCRYPTION_KEYS_OLD). */
export function appEncryptor(): Encryptor {
  if (g.__omnicrmEnc) return g.__omnicrmEnc;
  const e = env();
  const old = (e.APP_ENCRYPTION_KEYS_OLD ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  g.__omnicrmEnc = new Encryptor(e.APP_ENCRYPTION_KEY!, old);
  return g.__omnicrmEnc;
}

export function appSigner(purpose: string): Signer {
  return new Signer(env().AUTH_SECRET!, purpose);
}
