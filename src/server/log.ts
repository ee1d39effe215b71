import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

export type { Logger };

// Redact by path so secrets never reach log storage, however deeply they are nested.
export const redactPaths = [
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "access_token",
  "refresh_token",
  "id_token",
  "accessToken",
  "refreshToken",
  "authorization",
  "cookie",
  "*.password",
  "*.token",
  "*.access_token",
  "*.refresh_token",
  "*.id_token",
  "*.accessToken",
  "*.refreshToken",
  "*.authorization",
  "*.cookie",
  "*.*.password",
  "*.*.token",
  "*.*.access_token",
  "*.*.refresh_token",
  "*.*.accessToken",
  "*.*.refreshToken",
  "headers.authorization",
  "headers.cookie",
  'headers["set-cookie"]',
  "req.headers.authorization",
  "req.headers.cookie",
];

export function createLogger(opts: { level?: string; pretty?: boolean } = {}): Logger {
  const e = env();
  const level = opts.level ?? (e.NODE_ENV === "test" && !process.env.LOG_LEVEL ? "silent" : e.LOG_LEVEL);
  const pretty = opts.pretty ?? (e.LOG_PRETTY || (e.NODE_ENV === "development" && process.stdout.isTTY));
  return pino({
    level,
    base: { service: "omnicrm" },
    redact: { paths: redactPaths, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(pretty ? { transport: { target: "pino-pretty", options: { colorize: true } } } : {}),
  });
}

const g = globalThis as unknown as { __omnicrmLog?: Logger };

/** The process-wide root logger. Prefer `currentLog()` inside requests and jobs. */
export function rootLog(): Logger {
  g.__omnicrmLog ??= createLogger();
  return g.__omnicrmLog;
}
