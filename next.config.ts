import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./src/lib/security-headers";

const nextConfig: NextConfig = {
  // Server-only packages with native/wasm pieces must not be bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pg",
    "pino",
    "pino-pretty",
    "bullmq",
    "ioredis",
    "nodemailer",
    // Loaded only when SENTRY_DSN / OTEL_EXPORTER_OTLP_ENDPOINT are set; one shared OTel API instance.
    "@sentry/node",
    "@opentelemetry/api",
    "@opentelemetry/sdk-trace-node",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/resources",
    // Starts worker threads from its own dist/ files (the untrusted-content pool).
    "piscina",
  ],
  // Test harnesses build into their own folder so parallel runs never share one.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // `npm run typecheck` (tsc over the whole repo) runs in CI; skipping it here keeps the
  // first `npm start` build fast.
  // Test builds name their own tsconfig (tests/http/build.ts): Next adds each dist dir to the
  // tsconfig it uses, and that must not be the committed one.
  typescript: { ignoreBuildErrors: true, tsconfigPath: process.env.NEXT_TSCONFIG_PATH || "tsconfig.json" },
  // Static security headers on every response (pages, API, assets) at no per-request cost;
  // the per-request CSP nonce and CSRF cookies come from src/proxy.ts and apiRoute.
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
  // `/api/v1/...` is canonical; the documented unversioned paths stay as aliases.
  // `/api/auth/*` belongs to the auth library and is not versioned.
  async rewrites() {
    return { beforeFiles: [{ source: "/api/:path((?!v1/|v1$|auth/).*)", destination: "/api/v1/:path" }] };
  },
};

export default nextConfig;
