import { createHash } from "node:crypto";

export function sha256Hex(s: string): string {
  return createHash("sha256").update(s, "utf8").digest("hex");
}

export type HashedConsent = {
  formName: string;
  consentText: string;
  consentVersion: number;
  signerName: string;
  signaturePng: string | null;
  signedAt: Date;
  ip: string | null;
  userAgent: string | null;
};

/**
 * The record's SHA-256 over a canonical serialisation (a JSON array in a fixed order, so key
 * order can never change the result) of everything the client signed and when. Verification
 * recomputes it: a record whose text, name, signature or time changed no longer matches.
 */
export function recordHash(c: HashedConsent): string {
  return sha256Hex(
    JSON.stringify([
      "omnicrm-consent-v1",
      c.formName,
      c.consentVersion,
      sha256Hex(c.consentText),
      c.signerName,
      sha256Hex(c.signaturePng ?? ""),
      c.signedAt.toISOString(),
      c.ip ?? "",
      c.userAgent ?? "",
    ]),
  );
}

/** The consent blocks' text as one string (what is versioned and hashed). */
export function consentTextOf(fields: { type: string; label?: string; text?: unknown }[]): string {
  return fields
    .filter((f) => f.type === "consent" && typeof f.text === "string")
    .map((f) => `${f.label ?? "Consent"}\n${f.text as string}`)
    .join("\n\n");
}
