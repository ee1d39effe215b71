import { randomBytes } from "node:crypto";
import { appSigner } from "../crypto/app-crypto";
import { appBaseUrl } from "../booking/manage-token";
import { sha256Hex } from "./consent-hash";

const signer = () => appSigner("form-link");
const KEY = /^[A-Za-z0-9_-]{22}$/;

/**
 * A new link token: a random 128-bit key and its HMAC. The token names no id; the database
 * keeps only the key's sha256, so a leaked table does not leak working links, and a forged
 * token is refused before any lookup.
 */
export function newLinkToken(): { token: string; keySha256: string } {
  const key = randomBytes(16).toString("base64url");
  return { token: `${key}.${signer().sign(key)}`, keySha256: sha256Hex(key) };
}

/** The key hash to look up for a valid token, else null (forged, altered or malformed). */
export function verifyLinkToken(token: string): string | null {
  if (token.length > 100) return null;
  const dot = token.indexOf(".");
  if (dot < 0) return null;
  const key = token.slice(0, dot);
  const sig = token.slice(dot + 1);
  if (!KEY.test(key) || !sig) return null;
  return signer().verify(key, sig) ? sha256Hex(key) : null;
}

export function formLinkUrl(token: string): string {
  return `${appBaseUrl()}/f/${token}`;
}
