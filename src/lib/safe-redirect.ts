// No imports: used by server pages and client components alike.

const BASE = "http://omnicrm.invalid";

/**
 * Where to go after sign-in: only a path on this site, judged after URL resolution the way
 * a browser resolves it (`/\evil.example` and `/\t/evil.example` both become
 * `//evil.example`, another host). Anything else, control characters and backslashes
 * included, falls back to `fallback`.
 */
export function safeNextPath(raw: string | null | undefined, fallback = "/"): string {
  if (!raw || raw.length > 2048 || !raw.startsWith("/")) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are what we refuse
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
