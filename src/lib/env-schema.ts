import { z } from "zod";

// Feature flags accept the spellings operators actually type.
const flag = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return false;
    if (["1", "true", "yes", "on"].includes(v)) return true;
    if (["0", "false", "no", "off"].includes(v)) return false;
    ctx.addIssue({ code: "custom", message: "expected one of 1/true/yes/on or 0/false/no/off" });
    return z.NEVER;
  });

const optionalUrl = z
  .string()
  .trim()
  .max(2048)
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.url().optional());

const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

const num = (def: number, min: number, max: number) => z.coerce.number().min(min).max(max).default(def);

const str = (max = 4096) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

/** Every environment variable the app reads. The README's configuration table mirrors this. */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: int(3000, 1, 65535),
  DATA_DIR: z.string().trim().max(1024).default(".data"),
  APP_URL: optionalUrl,
  APP_ORIGINS: str(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_PRETTY: flag,

  DATABASE_URL: optionalUrl,
  DATABASE_POOL_SIZE: int(10, 1, 200),
  DATABASE_STATEMENT_TIMEOUT_MS: int(15_000, 100, 600_000),
  REDIS_URL: optionalUrl,

  APP_ENCRYPTION_KEY: str(),
  APP_ENCRYPTION_KEYS_OLD: str(8192),
  AUTH_SECRET: str(),
  TRUST_PROXY: flag,
  API_MAX_JSON_BYTES: int(1_000_000, 1024, 50_000_000),
  /** Requests per user (or per anonymous IP) per minute on the JSON API. */
  RATE_LIMIT_API_PER_MIN: int(60, 1, 1_000_000),
  /** Sign-in/reset attempts per IP + email per 15 minutes (more limits derive from it: docs/ops/security.md). */
  RATE_LIMIT_AUTH_PER_15MIN: int(5, 1, 1_000_000),
  /** Interactive AI requests per user per minute (chat, insights, today, AI search). */
  RATE_LIMIT_AI_PER_MIN: int(10, 1, 1_000_000),
  /** New accounts per IP (IPv6: per /64) per hour. */
  RATE_LIMIT_SIGNUPS_PER_HOUR: int(10, 1, 1_000_000),
  SMTP_URL: optionalUrl,
  /** Turns password reset off (then production may run without SMTP_URL). */
  PASSWORD_RESET_DISABLED: flag,
  SMTP_FROM: str(),
  METRICS_TOKEN: str(),
  WORKER_METRICS_PORT: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(1).max(65535).optional(),
  ),

  FEATURE_GOOGLE_GMAIL_RO: flag,
  FEATURE_GOOGLE_CALENDAR_RO: flag,
  FEATURE_GOOGLE_DRIVE: flag,
  GOOGLE_CLIENT_ID: str(),
  GOOGLE_CLIENT_SECRET: str(),
  GOOGLE_REDIRECT_URI: optionalUrl,
  GOOGLE_OAUTH_AUTH_URL: optionalUrl.default("https://accounts.google.com/o/oauth2/v2/auth"),
  GOOGLE_OAUTH_TOKEN_URL: optionalUrl.default("https://oauth2.googleapis.com/token"),
  GOOGLE_OAUTH_REVOKE_URL: optionalUrl.default("https://oauth2.googleapis.com/revoke"),
  GOOGLE_API_ROOT_URL: optionalUrl.default("https://www.googleapis.com/"),
  GOOGLE_SYNC_INTERVAL_MINUTES: int(15, 1, 1440),
  GOOGLE_QUOTA_UNITS_PER_MINUTE: int(6000, 1, 1_000_000),
  // Outbox: emails one user may send through Gmail per day (each user can lower it in settings).
  OUTBOX_DAILY_CAP: int(100, 1, 2000),
  /** Public https base URL Google can reach; set = Calendar push (events.watch) instead of polling. */
  GOOGLE_PUSH_BASE_URL: optionalUrl,
  /** projects/<p>/topics/<t>; set (with the verification token) = Gmail push via Pub/Sub. */
  GOOGLE_PUBSUB_TOPIC: str(300),
  /** Shared secret the Pub/Sub push subscription sends as ?token=… */
  GOOGLE_PUBSUB_VERIFICATION_TOKEN: str(512),
  /** Set = Pub/Sub pushes must carry a Google-signed OIDC token with this audience. */
  GOOGLE_PUBSUB_AUDIENCE: str(2048),
  /** Optional: the push subscription's service account; the OIDC token's email must match. */
  GOOGLE_PUBSUB_SERVICE_ACCOUNT: str(320),
  /** Where Google's ID-token signing certs (PEM) are fetched (point at the emulator offline). */
  GOOGLE_OIDC_CERTS_URL: optionalUrl.default("https://www.googleapis.com/oauth2/v1/certs"),
  /** How long a push notification waits before its sync runs, so a burst gives one job. */
  GOOGLE_PUSH_DEBOUNCE_SECONDS: int(10, 0, 3600),

  /** Public booking attempts (POSTs) one IP may make per 10 minutes. */
  BOOKING_ATTEMPTS_PER_IP: int(10, 1, 100_000),

  JOBS_CONCURRENCY: int(4, 1, 256),
  JOBS_PER_USER_CONCURRENCY: int(2, 1, 64),
  /**
   * BullMQ mode: a worker silent this long (killed, host lost) is presumed dead and its
   * running jobs go to other workers (BullMQ lock and stall check, per-user slot lease).
   */
  JOBS_STALL_SECONDS: int(30, 3, 300),

  // An empty value means "unset", as for every optional variable (e.g. `AI_PROVIDER=` in a .env).
  AI_PROVIDER: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.enum(["openai", "openrouter", "openai-compatible"]).optional(),
  ),
  AI_BASE_URL: optionalUrl,
  AI_API_KEY: str(),
  AI_CHAT_MODEL: str(200),
  AI_EMBEDDING_MODEL: str(200),
  AI_EMBEDDING_DIMS: int(1536, 8, 4096),
  AI_CREDITS_MONTHLY: int(200, 0, 1_000_000),
  AI_DAILY_COST_CAP_USD: num(0, 0, 100_000),
  AI_TIMEOUT_MS: int(30_000, 1000, 600_000),
  /** JSON: { "model-id": { "input": usdPerMillion, "output": usdPerMillion } }, merged over the built-in table. */
  AI_PRICE_TABLE: str(16_384),
  AI_INSIGHT_DEBOUNCE_HOURS: int(24, 0, 24 * 365),

  RETENTION_RAW_EVENTS_DAYS: int(90, 1, 3650),

  // Uploaded files (avatars): an S3-compatible bucket (path-style URLs) when S3_BUCKET is set,
  // otherwise DATA_DIR/uploads on local disk.
  S3_ENDPOINT: optionalUrl,
  S3_BUCKET: str(255),
  S3_REGION: z.string().trim().max(64).default("us-east-1"),
  S3_ACCESS_KEY_ID: str(512),
  S3_SECRET_ACCESS_KEY: str(),

  // Error tracking and tracing: each is loaded only when its variable is set.
  SENTRY_DSN: optionalUrl,
  SENTRY_ENVIRONMENT: str(64),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  OTEL_SERVICE_NAME: str(200),
});

export type Env = z.infer<typeof envSchema>;
