import { createHash, timingSafeEqual } from "node:crypto";

/** Constant-time comparison of a presented secret with the expected one (or its SHA-256 hex). */
export function secretMatches(presented: string | null | undefined, expectedSha256Hex: string): boolean {
  if (!presented) return false;
  const a = createHash("sha256").update(presented).digest();
  const b = Buffer.from(expectedSha256Hex, "hex");
  return b.length === a.length && timingSafeEqual(a, b);
}
