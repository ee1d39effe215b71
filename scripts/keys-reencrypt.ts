// `npm run keys:reencrypt`: after rotating APP_ENCRYPTION_KEY (old key moved to
// APP_ENCRYPTION_KEYS_OLD), rewrites every stored secret under the new key. Safe to run
// while the app is up and to re-run. See docs/ops/secrets-and-keys.md.
import { env, EnvError } from "../src/lib/env";
import { appEncryptor } from "../src/server/crypto/app-crypto";
import { closeDb, getDb } from "../src/server/db/client";
import { reencryptSecrets } from "../src/server/keys/reencrypt-secrets";
import { rootLog } from "../src/server/log";

try {
  env();
  const { db } = await getDb();
  const r = await reencryptSecrets({ db, log: rootLog() }, appEncryptor());
  await closeDb();
  process.stdout.write(
    `re-encrypted ${r.rewritten} value(s) in ${r.columns.join(", ")}; undecryptable: ${r.failed}\n`,
  );
  if (r.failed > 0) process.exit(1);
} catch (e) {
  process.stderr.write(`re-encryption failed: ${e instanceof EnvError ? e.message : (e as Error).message}\n`);
  process.exit(1);
}
