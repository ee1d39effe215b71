import { appEncryptor } from "../crypto/app-crypto";
import type { HealthContext } from "./schemas";

/** Health context is stored encrypted (AES-GCM, purpose "health"); empty fields are dropped. */
export function encryptHealth(h: HealthContext | null | undefined): string | null | undefined {
  if (h === undefined) return undefined;
  if (h === null) return null;
  const clean = Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined && v !== ""));
  return Object.keys(clean).length ? appEncryptor().encrypt(JSON.stringify(clean), "health") : null;
}

export function decryptHealth(enc: string | null): HealthContext | null {
  if (!enc) return null;
  return JSON.parse(appEncryptor().decrypt(enc, "health")) as HealthContext;
}
