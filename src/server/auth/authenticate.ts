import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { getDb } from "../db/client";
import { authSessions, authUsers } from "../db/schema/auth";
import { authSecret, sessionCookieName } from "./auth-secret";

export type AuthUser = { id: string; email: string };

/** Resolves the signed-in user from the request's session cookie. */
export async function authenticateRequest(req: Request): Promise<AuthUser | null> {
  return authenticateHeaders(req.headers);
}

/**
 * Same, from headers (server components pass `await headers()`). Cheap on purpose: the
 * cookie signature is checked in-process, then one indexed query (unique token) joins the
 * session to its user. Better Auth's own getSession is not used here because it may also
 * write (session refresh) on every call.
 */
export async function authenticateHeaders(headers: Headers): Promise<AuthUser | null> {
  const token = sessionTokenFrom(headers.get("cookie"));
  if (!token) return null;
  const { db } = await getDb();
  const rows = await db
    .select({ id: authUsers.id, email: authUsers.email })
    .from(authSessions)
    .innerJoin(authUsers, eq(authUsers.id, authSessions.userId))
    .where(and(eq(authSessions.token, token), gt(authSessions.expiresAt, new Date())))
    .limit(1);
  return rows[0] ?? null;
}

/** Extracts and verifies the signed session token (`token.base64(hmac)`, URL-encoded). */
export function sessionTokenFrom(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  const raw = readCookie(cookieHeader, sessionCookieName());
  if (!raw) return null;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(createHmac("sha256", authSecret()).update(token).digest("base64"));
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

export function readCookie(header: string, name: string): string | null {
  for (const part of header.split(";")) {
    const eqAt = part.indexOf("=");
    if (eqAt < 0) continue;
    if (part.slice(0, eqAt).trim() === name) return part.slice(eqAt + 1).trim();
  }
  return null;
}
