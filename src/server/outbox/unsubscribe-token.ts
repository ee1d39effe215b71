import { env } from "@/lib/env";
import { appSigner } from "../crypto/app-crypto";

// Unsubscribe links carry a signed token (user + contact), never a bare id, so only the
// recipient of a message can set that contact's "do not email".
const signer = () => appSigner("outbox-unsubscribe");

export function unsubscribeToken(userId: string, contactId: string): string {
  const body = Buffer.from(`${userId}.${contactId}`).toString("base64url");
  return `${body}.${signer().sign(`${userId}.${contactId}`)}`;
}

export function readUnsubscribeToken(token: string): { userId: string; contactId: string } | null {
  if (token.length > 300) return null;
  const [body, sig] = token.split(".");
  if (!body || !sig) return null;
  const value = Buffer.from(body, "base64url").toString("utf8");
  if (!signer().verify(value, sig)) return null;
  const [userId, contactId] = value.split(".");
  return userId && contactId ? { userId, contactId } : null;
}

const base = () => (env().APP_URL ?? "http://localhost:3000").replace(/\/$/, "");

/** The link in the email body: a small public page with one "Unsubscribe" button. */
export function unsubscribeUrl(userId: string, contactId: string): string {
  return `${base()}/unsubscribe?t=${unsubscribeToken(userId, contactId)}`;
}

/** The List-Unsubscribe header target (RFC 8058 one-click POST). */
export function unsubscribeApiUrl(userId: string, contactId: string): string {
  return `${base()}/api/v1/public/unsubscribe?t=${unsubscribeToken(userId, contactId)}`;
}
