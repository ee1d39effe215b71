import { envSchema, type Env } from "./env-schema";
import { ensureLocalSecrets } from "./local-secrets";

export type { Env };

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment without side effects; throws EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new EnvError(problems);
  }
  const env = parsed.data;
  const missing: string[] = [];
  if (env.NODE_ENV === "production" && env.DATABASE_URL) {
    if (!env.APP_ENCRYPTION_KEY) missing.push("APP_ENCRYPTION_KEY: required in production");
    if (!env.AUTH_SECRET) missing.push("AUTH_SECRET: required in production");
    // Reset links are mailed, never logged, in production.
    if (!env.SMTP_URL && !env.PASSWORD_RESET_DISABLED)
      missing.push("SMTP_URL: required in production for password reset (or set PASSWORD_RESET_DISABLED=1)");
  }
  if (
    env.AI_PROVIDER &&
    env.AI_PROVIDER !== "openai" &&
    !env.AI_BASE_URL &&
    env.AI_PROVIDER !== "openrouter"
  ) {
    missing.push("AI_BASE_URL: required when AI_PROVIDER=openai-compatible");
  }
  if (env.S3_BUCKET && (!env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY))
    missing.push("S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: required when S3_BUCKET is set");
  if (missing.length) throw new EnvError(missing);
  return env;
}

/** A production deployment: NODE_ENV=production on a real database (embedded installs are local). */
export function isProductionDeployment(e: Env): boolean {
  return e.NODE_ENV === "production" && Boolean(e.DATABASE_URL);
}

const g = globalThis as unknown as { __omnicrmEnv?: Env };

/**
 * The validated environment, computed once per process. In embedded mode missing secrets
 * are generated and persisted under DATA_DIR so restarts keep decrypting old data.
 */
export function env(): Env {
  if (g.__omnicrmEnv) return g.__omnicrmEnv;
  const base = parseEnv(process.env);
  const withSecrets = base.DATABASE_URL && base.NODE_ENV === "production" ? base : ensureLocalSecrets(base);
  g.__omnicrmEnv = withSecrets;
  return withSecrets;
}

/** For tests: forget the cached environment. */
export function resetEnvCache(): void {
  g.__omnicrmEnv = undefined;
}
