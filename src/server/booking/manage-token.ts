import { env } from "@/lib/env";
import { appSigner } from "../crypto/app-crypto";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const signer = () => appSigner("booking-manage");

/** The client's link to their booking: the booking id and an HMAC over it (no expiry; rules apply on use). */
export function manageToken(bookingId: string): string {
  return `${bookingId}.${signer().sign(bookingId)}`;
}

/** The booking id of a valid token, else null (a forged or altered token looks like an unknown one). */
export function verifyManageToken(token: string): string | null {
  if (token.length > 200) return null;
  const [id = "", sig = ""] = token.split(".");
  if (!UUID.test(id) || !sig) return null;
  return signer().verify(id, sig) ? id : null;
}

export function appBaseUrl(): string {
  const e = env();
  let url = e.APP_URL ?? `http://localhost:${e.PORT}`;
  while (url.endsWith("/")) url = url.slice(0, -1);
  return url;
}

export function manageUrl(bookingId: string): string {
  return `${appBaseUrl()}/book/manage/${manageToken(bookingId)}`;
}
