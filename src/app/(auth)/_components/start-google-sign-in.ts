/**
 * Starts "Sign in with Google" and returns Google's authorization URL. Better Auth's own
 * endpoint answers `{ url, redirect }` without our `{ ok, data }` envelope, so this does
 * not go through api-client (it sends the same CSRF header by hand).
 */
export async function startGoogleSignIn(callbackURL: string): Promise<string> {
  const csrf = /(?:^|;\s*)csrf=([^;]*)/.exec(document.cookie)?.[1];
  const res = await fetch("/api/auth/sign-in/social", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-csrf-token": csrf ? decodeURIComponent(csrf) : "",
    },
    // Failures come back to /login?error=… (shown in words there).
    body: JSON.stringify({ provider: "google", callbackURL, errorCallbackURL: "/login" }),
    credentials: "same-origin",
  });
  const body = (await res.json().catch(() => null)) as { url?: unknown } | null;
  if (!res.ok || typeof body?.url !== "string") throw new Error(`google sign-in: ${res.status}`);
  return body.url;
}
