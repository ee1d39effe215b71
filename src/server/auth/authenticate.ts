import { createHmac, timingSafeEqual } from "node:crypto";
import { getDb } from "../db/client";
import { authSecret, isHttpsApp, sessionCookieName } from "./auth-secret";
import { findSession, type FoundSession } from "./find-session";
import { SESSION_EXPIRES_IN_SEC } from "./session-policy";

export type AuthUser = { id: string; email: string };

/**
 * Resolves the signed-in user from request headers (server components pass `await headers()`). Cheap on purpose: the
 * cookie signature is checked in-process, then one indexed query (unique token) joins the
 * session to its user; the session slides (one conditional write) at most once a day.
 * Better Auth's own getSession is not used here because it may also write on every call.
 */
export async function authenticateHeaders(headers: Headers): Promise<AuthUser | null> {
  return (await authenticateSession(headers))?.user ?? null;
}

/** The session behind the request's cookie, or null; `extended` when this call slid it. */
export async function authenticateSession(headers: Headers): Promise<FoundSession | null> {
  const token = sessionTokenFrom(headers.get("cookie"));
  if (!token) return null;
  const { db } = await getDb();
  return findSession(db, token);
}

/**
 * The session cookie again with a fresh Max-Age (same signed value), so the browser keeps
 * it as long as the server keeps the session. Null when the request carries none.
 */
export function refreshedSessionCookie(cookieHeader: string | null): string | null {
  const raw = cookieHeader ? readCookie(cookieHeader, sessionCookieName()) : null;
  if (!raw) return null;
  const secure = isHttpsApp() ? "; Secure" : "";
  return `${sessionCookieName()}=${raw}; Max-Age=${SESSION_EXPIRES_IN_SEC}; Path=/; HttpOnly; SameSite=Lax${secure}`;
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
