import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { Encryptor } from "../crypto/encryption";
import type { DbHandle } from "../db/client";
import { contacts } from "../db/schema/contacts";
import { userIntegrations } from "../db/schema/sync";
import { withSystem } from "../db/with-user";
import { createLogger } from "../log";
import { createTestUser, useTestDb } from "../testing/test-db";
import { reencryptSecrets } from "./reencrypt-secrets";

const key = () => randomBytes(32).toString("base64");

describe("reencryptSecrets (key rotation sweep)", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await useTestDb();
  });

  it("moves every old-key value to the current key and leaves the rest alone", async () => {
    const oldKey = key();
    const newKey = key();
    const before = new Encryptor(oldKey);
    const u = await createTestUser(h);
    const [c] = await withSystem(h.db, async (tx) => {
      await tx.insert(userIntegrations).values({
        userId: u.id,
        provider: "google",
        service: "gmail",
        accessTokenEnc: before.encrypt("access-1", "tokens"),
        refreshTokenEnc: before.encrypt("refresh-1", "tokens"),
      });
      return tx
        .insert(contacts)
        .values({ userId: u.id, displayName: "H", healthContextEnc: before.encrypt('{"a":1}', "health") })
        .returning();
    });

    const rotated = new Encryptor(newKey, [oldKey]);
    const log = createLogger({ level: "silent" });
    const r = await reencryptSecrets({ db: h.db, log }, rotated);
    expect(r.columns).toEqual(
      expect.arrayContaining([
        "contacts.health_context_enc",
        "user_integrations.access_token_enc",
        "user_integrations.refresh_token_enc",
      ]),
    );
    expect(r.rewritten).toBeGreaterThanOrEqual(3);

    // Readable with the new key alone: the old key can be retired.
    const only = new Encryptor(newKey);
    const [i] = await withSystem(h.db, (tx) =>
      tx.select().from(userIntegrations).where(eq(userIntegrations.userId, u.id)),
    );
    expect(only.decrypt(i!.accessTokenEnc!, "tokens")).toBe("access-1");
    expect(only.decrypt(i!.refreshTokenEnc!, "tokens")).toBe("refresh-1");
    const [c2] = await withSystem(h.db, (tx) => tx.select().from(contacts).where(eq(contacts.id, c!.id)));
    expect(only.decrypt(c2!.healthContextEnc!, "health")).toBe('{"a":1}');

    // A second run has nothing of ours left to rewrite.
    const again = await reencryptSecrets({ db: h.db, log }, rotated);
    const [i2] = await withSystem(h.db, (tx) =>
      tx.select().from(userIntegrations).where(eq(userIntegrations.userId, u.id)),
    );
    expect(i2!.accessTokenEnc).toBe(i!.accessTokenEnc);
    expect(again.failed).toBeGreaterThanOrEqual(0);
  });
});
