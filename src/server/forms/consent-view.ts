import { consentRecords } from "../db/schema/forms";
import { recordHash, sha256Hex } from "./consent-hash";
import type { ConsentDto } from "./schemas";

export type ConsentRow = typeof consentRecords.$inferSelect;

/** Recomputes both hashes from the stored columns: any change since signing fails. */
export function verifyConsent(r: ConsentRow): boolean {
  return sha256Hex(r.consentText) === r.textSha256 && recordHash(r) === r.recordSha256;
}

export function toConsentDto(r: ConsentRow, currentVersion: number | null): ConsentDto {
  return {
    id: r.id,
    submissionId: r.submissionId,
    formId: r.formId,
    formName: r.formName,
    consentText: r.consentText,
    consentVersion: r.consentVersion,
    textSha256: r.textSha256,
    recordSha256: r.recordSha256,
    signerName: r.signerName,
    signedAt: r.signedAt.toISOString(),
    ip: r.ip,
    userAgent: r.userAgent,
    hasSignature: r.signaturePng !== null,
    hasPdf: r.pdfEnc !== null,
    verified: verifyConsent(r),
    outdated: currentVersion !== null && currentVersion > r.consentVersion,
  };
}
