import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Env } from "./env-schema";

type Secrets = { APP_ENCRYPTION_KEY: string; AUTH_SECRET: string };

/**
 * Embedded mode must work with zero configuration, but secrets must survive restarts
 * (tokens are encrypted with them). So we generate them once and keep them under
 * DATA_DIR with mode 0600. Production with a real database requires them from env instead.
 */
export function ensureLocalSecrets(env: Env): Env {
  if (env.APP_ENCRYPTION_KEY && env.AUTH_SECRET) return env;
  const file = path.resolve(env.DATA_DIR, "secrets.json");
  let stored: Partial<Secrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8")) as Partial<Secrets>;
  const secrets: Secrets = {
    APP_ENCRYPTION_KEY: stored.APP_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
    AUTH_SECRET: stored.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
  };
  if (
    stored.APP_ENCRYPTION_KEY !== secrets.APP_ENCRYPTION_KEY ||
    stored.AUTH_SECRET !== secrets.AUTH_SECRET
  ) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    chmodSync(file, 0o600);
    process.emitWarning(
      `Generated local secrets in ${file}. Set APP_ENCRYPTION_KEY and AUTH_SECRET for production.`,
      { code: "OMNICRM_LOCAL_SECRETS" },
    );
  }
  return {
    ...env,
    APP_ENCRYPTION_KEY: env.APP_ENCRYPTION_KEY ?? secrets.APP_ENCRYPTION_KEY,
    AUTH_SECRET: env.AUTH_SECRET ?? secrets.AUTH_SECRET,
  };
}
