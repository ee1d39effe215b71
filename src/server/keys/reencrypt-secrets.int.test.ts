import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { Encryptor } from "../crypto/encryption";
import type { DbHandle } from "../db/client";
import { contacts } from "../db/schema/contacts";
import { consentRecords, formSubmissions } from "../db/schema/forms";
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

    // An intake submission and its immutable consent record (answers and PDF hold health data).
    const consent = await withSystem(h.db, async (tx) => {
      const [sub] = await tx
        .insert(formSubmissions)
        .values({
          userId: u.id,
          formName: "Intake",
          fields: [],
          answersEnc: before.encrypt('{"q":"a"}', "health"),
        })
        .returning();
      const [rec] = await tx
        .insert(consentRecords)
        .values({
          userId: u.id,
          submissionId: sub!.id,
          formName: "Intake",
          consentText: "I agree",
          consentVersion: 1,
          textSha256: "t",
          recordSha256: "r",
          signerName: "H",
          signedAt: new Date(),
          pdfEnc: before.encrypt("JVBERi0=", "health"),
        })
        .returning();
      return { sub: sub!, rec: rec! };
    });

    const rotated = new Encryptor(newKey, [oldKey]);
    const log = createLogger({ level: "silent" });
    const r = await reencryptSecrets({ db: h.db, log }, rotated);
    expect(r.columns).toEqual(
      expect.arrayContaining([
        "contacts.health_context_enc",
        "user_integrations.access_token_enc",
        "user_integrations.refresh_token_enc",
        "form_submissions.answers_enc",
        "consent_records.pdf_enc",
      ]),
    );
    expect(r.rewritten).toBeGreaterThanOrEqual(5);

    // Readable with the new key alone: the old key can be retired.
    const only = new Encryptor(newKey);
    const [i] = await withSystem(h.db, (tx) =>
      tx.select().from(userIntegrations).where(eq(userIntegrations.userId, u.id)),
    );
    expect(only.decrypt(i!.accessTokenEnc!, "tokens")).toBe("access-1");
    expect(only.decrypt(i!.refreshTokenEnc!, "tokens")).toBe("refresh-1");
    const [c2] = await withSystem(h.db, (tx) => tx.select().from(contacts).where(eq(contacts.id, c!.id)));
    expect(only.decrypt(c2!.healthContextEnc!, "health")).toBe('{"a":1}');
    const [sub2] = await withSystem(h.db, (tx) =>
      tx.select().from(formSubmissions).where(eq(formSubmissions.id, consent.sub.id)),
    );
    expect(only.decrypt(sub2!.answersEnc, "health")).toBe('{"q":"a"}');
    const [rec2] = await withSystem(h.db, (tx) =>
      tx.select().from(consentRecords).where(eq(consentRecords.id, consent.rec.id)),
    );
    expect(only.decrypt(rec2!.pdfEnc!, "health")).toBe("JVBERi0=");
    expect({ ...rec2, pdfEnc: null }).toEqual({ ...consent.rec, pdfEnc: null });
    // The sweep's exception is narrow: with its flag on, nothing but the PDF may change.
    const refused = await withSystem(h.db, async (tx) => {
      await tx.execute(sql`SELECT set_config('omnicrm.reencrypt', 'on', true)`);
      await tx.update(consentRecords).set({ signerName: "X" }).where(eq(consentRecords.id, consent.rec.id));
    }).then(
      () => null,
      (e: unknown) => e as Error & { cause?: Error },
    );
    expect(refused?.cause?.message ?? refused?.message).toMatch(/immutable/);

    // A second run has nothing of ours left to rewrite.
    const again = await reencryptSecrets({ db: h.db, log }, rotated);
    const [i2] = await withSystem(h.db, (tx) =>
      tx.select().from(userIntegrations).where(eq(userIntegrations.userId, u.id)),
    );
    expect(i2!.accessTokenEnc).toBe(i!.accessTokenEnc);
    expect(again.failed).toBeGreaterThanOrEqual(0);
  });
});
