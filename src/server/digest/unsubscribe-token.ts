import { appSigner } from "../crypto/app-crypto";

const PURPOSE = "digest-unsubscribe";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An opaque signed token naming the user whose digest a link unsubscribes. */
export function unsubscribeToken(userId: string): string {
  const body = Buffer.from(userId, "utf8").toString("base64url");
  return `${body}.${appSigner(PURPOSE).sign(userId)}`;
}

/** The user id of a valid token, else null. */
export function readUnsubscribeToken(token: string): string | null {
  if (token.length > 200) return null;
  const [body, sig] = token.split(".");
  if (!body || !sig) return null;
  const userId = Buffer.from(body, "base64url").toString("utf8");
  if (!UUID.test(userId)) return null;
  return appSigner(PURPOSE).verify(userId, sig) ? userId : null;
}
