// No imports: next.config.ts loads this at build time.
/**
 * Headers that do not vary per request; next.config.ts sends them on every response
 * (pages, API, static files) at no per-request cost.
 */
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
