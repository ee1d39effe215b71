import { createHash, randomBytes } from "node:crypto";

/** 256-bit random feed token (base64url): the feed URL is the only credential. */
export function newFeedToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Tokens look like our own (43 base64url chars); anything else is a 404 without a lookup. */
export function isFeedToken(s: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(s);
}
