import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../context";
import { createContact } from "../contacts/create-contact";
import { getContact } from "../contacts/get-contact";
import type { DbHandle } from "../db/client";
import { withUser } from "../db/with-user";
import { forceQueueMode } from "../jobs/dispatch";
import { rootLog } from "../log";
import { listClientFiles } from "../files/list-client-files";
import { readClientFile } from "../files/read-client-file";
import { listNotes } from "../notes/list-notes";
import { listTasks } from "../tasks/list-tasks";
import { createTestUser, useTestDb } from "../testing/test-db";
import { approveSubmission } from "./approve-submission";
import { createForm } from "./create-form";
import { createFormLink } from "./create-form-link";
import { deleteForm } from "./delete-form";
import { getConsentPdf } from "./get-consent-pdf";
import { getForm } from "./get-form";
import { getPublicForm } from "./get-public-form";
import { listContactConsents } from "./list-contact-consents";
import { listSubmissions } from "./list-submissions";
import { reconsentTick } from "./reconsent-tick";
import { remindReconsent } from "./remind-reconsent";
import { submitPublicForm } from "./submit-public-form";
import { testPngDataUrl } from "./testing/png";
import { undoSubmission } from "./undo-submission";
import { updateForm } from "./update-form";

let h: DbHandle;
beforeAll(async () => {
  forceQueueMode("embedded");
  h = await useTestDb();
});
afterAll(() => forceQueueMode(undefined));

const meta = { ip: "203.0.113.7", userAgent: "Mozilla/5.0 (iPhone)" };
const signature = () => ({ name: "Ada Lovelace", image: testPngDataUrl() });

async function user(): Promise<Ctx> {
  const u = await createTestUser(h);
  return { db: h.db, userId: u.id, log: rootLog() };
}

async function massageForm(ctx: Ctx) {
  const form = await createForm(ctx, { template: "massage" });
  return form;
}

const massageAnswers = (email: string) => ({
  name: "Ada Lovelace",
  email,
  phone: "+44 20 7946 0000",
  birthday: "1985-12-10",
  health: { conditions: "Old knee injury", allergies: "Lavender oil" },
  areas_to_avoid: "Left knee",
  pressure: "Medium",
  focus: ["Neck", "Shoulders"],
  consent: true,
});

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string }) => e.code ?? "crash",
  );

describe("forms: submit → preview → approve → undo", () => {
  it("a new client's answers become a Prospect with encrypted health context, a note and a signed consent", async () => {
    const ctx = await user();
    const form = await massageForm(ctx);
    const link = await createFormLink(ctx, { formId: form.id, body: {} });
    expect(link.token).not.toContain(form.id);
    expect(link.url).toMatch(/\/f\//);

    const pub = await getPublicForm(h.db, link.token);
    expect(pub.name).toBe("Massage intake");
    expect(pub.needsSignature).toBe(true);

    await submitPublicForm(
      h.db,
      link.token,
      { answers: massageAnswers("ada@example.com"), signature: signature() },
      meta,
    );
    // One-time link: used up.
    expect(await code(getPublicForm(h.db, link.token))).toBe("not_found");
    expect(
      await code(
        submitPublicForm(
          h.db,
          link.token,
          { answers: massageAnswers("x@example.com"), signature: signature() },
          meta,
        ),
      ),
    ).toBe("not_found");

    const [sub] = (await listSubmissions(ctx, { status: "pending" })).items;
    expect(sub!.match).toEqual({ kind: "new", contactId: null, displayName: "Ada Lovelace" });
    const where = Object.fromEntries(sub!.destinations.map((d) => [d.fieldId, d.target]));
    expect(where).toMatchObject({
      name: "contact.name",
      email: "contact.email",
      phone: "contact.phone",
      health: "health",
      areas_to_avoid: "health.notes",
      pressure: "health.notes",
      focus: "note",
    });
    expect(sub!.consentId).not.toBeNull();

    const approved = await approveSubmission(ctx, { id: sub!.id });
    expect(approved.status).toBe("approved");
    const contactId = approved.match.contactId!;
    const c = await getContact(ctx, { id: contactId });
    expect(c.stage).toBe("Prospect");
    expect(c.source).toBe("form");
    expect(c.emails.map((e) => e.value)).toEqual(["ada@example.com"]);
    expect(c.birthday).toBe("1985-12-10");
    expect(c.healthContext?.conditions).toBe("Old knee injury");
    expect(c.healthContext?.allergies).toBe("Lavender oil");
    expect(c.healthContext?.notes).toContain("Areas to avoid: Left knee");
    expect(c.healthContext?.notes).toContain("Preferred pressure: Medium");
    // Stored encrypted, not as plain text.
    const raw = await h.db.execute<{ enc: string }>(
      sql`SELECT health_context_enc AS enc FROM contacts WHERE id = ${contactId}`,
    );
    expect(raw.rows[0]!.enc).not.toContain("Lavender");
    const notes = await listNotes(ctx, { contactId });
    expect(notes.items[0]!.body).toContain("Neck, Shoulders");

    const consents = (await listContactConsents(ctx, { contactId })).items;
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({
      signerName: "Ada Lovelace",
      verified: true,
      outdated: false,
      hasPdf: true,
      ip: meta.ip,
    });
    const pdf = await getConsentPdf(ctx, { contactId, consentId: consents[0]!.id });
    expect(Buffer.from(pdf.bytes.slice(0, 5)).toString()).toBe("%PDF-");
    // …and a copy sits in the client's files.
    const files = (await listClientFiles(ctx, { contactId })).items;
    expect(files.map((f) => [f.source, f.mimeType])).toEqual([["consent", "application/pdf"]]);
    const stored = await readClientFile(ctx, { id: files[0]!.id });
    expect(Buffer.from(stored.bytes).equals(Buffer.from(pdf.bytes))).toBe(true);

    expect(await code(approveSubmission(ctx, { id: sub!.id }))).toBe("conflict");

    const undone = await undoSubmission(ctx, { id: sub!.id });
    expect(undone.status).toBe("pending");
    expect(await code(getContact(ctx, { id: contactId }))).toBe("not_found");
    // The signed record is untouched and comes back with a re-approve.
    const again = await approveSubmission(ctx, { id: sub!.id });
    expect((await listContactConsents(ctx, { contactId: again.match.contactId! })).items[0]!.id).toBe(
      consents[0]!.id,
    );
  });

  it("matches an existing client by email, and undo restores exactly what they had", async () => {
    const ctx = await user();
    const existing = await createContact(ctx, {
      displayName: "Grace Hopper",
      emails: [{ value: "grace@example.com", isPrimary: true }],
      healthContext: { allergies: "Penicillin" },
    });
    const form = await massageForm(ctx);
    const link = await createFormLink(ctx, { formId: form.id, body: { reusable: true } });
    await submitPublicForm(
      h.db,
      link.token,
      { answers: massageAnswers("Grace@Example.com"), signature: signature() },
      meta,
    );
    const [sub] = (await listSubmissions(ctx, {})).items;
    expect(sub!.match).toMatchObject({ kind: "email", contactId: existing.id });
    await approveSubmission(ctx, { id: sub!.id });
    const after = await getContact(ctx, { id: existing.id });
    expect(after.healthContext?.allergies).toBe("Penicillin\nLavender oil");
    expect(after.phones).toHaveLength(1);

    expect((await listClientFiles(ctx, { contactId: existing.id })).items).toHaveLength(1);
    await undoSubmission(ctx, { id: sub!.id });
    expect((await listClientFiles(ctx, { contactId: existing.id })).items).toHaveLength(0);
    const back = await getContact(ctx, { id: existing.id });
    expect(back.displayName).toBe("Grace Hopper");
    expect(back.healthContext).toEqual({ allergies: "Penicillin" });
    expect(back.phones).toHaveLength(0);
    expect(back.birthday).toBeNull();
    expect((await listNotes(ctx, { contactId: existing.id })).items).toHaveLength(0);
    // Reusable: still open.
    expect((await getPublicForm(h.db, link.token)).name).toBe("Massage intake");
  });

  it("a per-client link sends the answers to that client whatever email they type", async () => {
    const ctx = await user();
    const client = await createContact(ctx, { displayName: "Linus" });
    const form = await massageForm(ctx);
    const link = await createFormLink(ctx, {
      formId: form.id,
      body: { contactId: client.id, expiresInDays: 7 },
    });
    expect(link.expiresAt).not.toBeNull();
    await submitPublicForm(
      h.db,
      link.token,
      { answers: massageAnswers("linus@example.com"), signature: signature() },
      meta,
    );
    const [sub] = (await listSubmissions(ctx, {})).items;
    expect(sub!.match).toMatchObject({ kind: "link", contactId: client.id });
  });

  it("refuses hostile or incomplete submissions with 4xx codes and stores nothing", async () => {
    const ctx = await user();
    const form = await massageForm(ctx);
    const link = await createFormLink(ctx, { formId: form.id, body: { reusable: true } });
    const bad = [
      { answers: { ...massageAnswers("a@example.com"), pressure: "Crushing" }, signature: signature() },
      { answers: { ...massageAnswers("a@example.com"), consent: false }, signature: signature() },
      { answers: massageAnswers("a@example.com") },
      {
        answers: massageAnswers("a@example.com"),
        signature: { name: "A", image: "data:image/png;base64,AAAA" },
      },
      { answers: { ...massageAnswers("a@example.com"), extra: "field" }, signature: signature() },
    ];
    for (const b of bad) expect(await code(submitPublicForm(h.db, link.token, b, meta))).toBe("invalid_body");
    expect(await code(submitPublicForm(h.db, `${link.token}x`, bad[0]!, meta))).toBe("not_found");
    expect(await code(submitPublicForm(h.db, "nope", bad[0]!, meta))).toBe("not_found");
    // Honeypot: answered like a success, nothing stored.
    await submitPublicForm(h.db, link.token, { answers: {}, website: "http://spam" }, meta);
    expect((await listSubmissions(ctx, {})).items).toHaveLength(0);
  });
});

describe("forms: isolation between users", () => {
  it("another user's form, submission, contact consents and PDF answer 404", async () => {
    const a = await user();
    const b = await user();
    const form = await massageForm(a);
    const link = await createFormLink(a, { formId: form.id, body: {} });
    await submitPublicForm(
      h.db,
      link.token,
      { answers: massageAnswers("ada@example.com"), signature: signature() },
      meta,
    );
    const [sub] = (await listSubmissions(a, {})).items;
    const approved = await approveSubmission(a, { id: sub!.id });
    const contactId = approved.match.contactId!;
    const [consent] = (await listContactConsents(a, { contactId })).items;

    expect(await code(getForm(b, { id: form.id }))).toBe("not_found");
    expect(await code(updateForm(b, { id: form.id, patch: { name: "mine" } }))).toBe("not_found");
    expect(await code(deleteForm(b, { id: form.id }))).toBe("not_found");
    expect(await code(createFormLink(b, { formId: form.id, body: {} }))).toBe("not_found");
    expect(await code(approveSubmission(b, { id: sub!.id }))).toBe("not_found");
    expect(await code(undoSubmission(b, { id: sub!.id }))).toBe("not_found");
    expect(await code(listContactConsents(b, { contactId }))).toBe("not_found");
    expect(await code(getConsentPdf(b, { contactId, consentId: consent!.id }))).toBe("not_found");
    expect((await listSubmissions(b, {})).items).toHaveLength(0);
    // RLS itself, not only the where clauses: B's transaction sees none of A's rows.
    const seen = await withUser(b, (tx) =>
      tx.execute<{
        n: number;
      }>(sql`SELECT (SELECT count(*) FROM forms) + (SELECT count(*) FROM form_submissions)
        + (SELECT count(*) FROM consent_records) + (SELECT count(*) FROM form_links) AS n`),
    );
    expect(Number(seen.rows[0]!.n)).toBe(0);
  });
});

describe("consent records", () => {
  async function signed() {
    const ctx = await user();
    const form = await massageForm(ctx);
    const link = await createFormLink(ctx, { formId: form.id, body: {} });
    await submitPublicForm(
      h.db,
      link.token,
      { answers: massageAnswers("ada@example.com"), signature: signature() },
      meta,
    );
    const [sub] = (await listSubmissions(ctx, {})).items;
    const contactId = (await approveSubmission(ctx, { id: sub!.id })).match.contactId!;
    const [consent] = (await listContactConsents(ctx, { contactId })).items;
    return { ctx, form, contactId, consent: consent! };
  }

  it("cannot be updated or deleted, by the app or by the table owner", async () => {
    const { ctx, consent } = await signed();
    const attempts = [
      withUser(ctx, (tx) =>
        tx.execute(sql`UPDATE consent_records SET signer_name = 'Mallory' WHERE id = ${consent.id}`),
      ),
      withUser(ctx, (tx) => tx.execute(sql`DELETE FROM consent_records WHERE id = ${consent.id}`)),
      h.db.execute(sql`UPDATE consent_records SET consent_text = 'changed' WHERE id = ${consent.id}`),
      h.db.execute(sql`DELETE FROM consent_records WHERE id = ${consent.id}`),
    ];
    for (const a of attempts) await expect(a).rejects.toThrow();
    const n = await h.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM consent_records WHERE id = ${consent.id}`,
    );
    expect(n.rows[0]!.n).toBe(1);
  });

  it("a record whose text was changed behind the app's back fails verification", async () => {
    const { ctx, contactId, consent } = await signed();
    expect(consent.verified).toBe(true);
    await tamper(
      sql`UPDATE consent_records SET consent_text = consent_text || ' (amended)' WHERE id = ${consent.id}`,
    );
    const [after] = (await listContactConsents(ctx, { contactId })).items;
    expect(after!.verified).toBe(false);
  });

  it("goes with the account (cascade), which the trigger allows", async () => {
    const { ctx, consent } = await signed();
    await h.db.execute(sql`DELETE FROM auth_users WHERE id = ${ctx.userId}`);
    const n = await h.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM consent_records WHERE id = ${consent.id}`,
    );
    expect(n.rows[0]!.n).toBe(0);
  });

  it("re-consent reminders: a changed consent text and a 12-month-old signature each make one task, once", async () => {
    const { ctx, form, contactId, consent } = await signed();
    expect((await remindReconsent(ctx)).created).toBe(0);
    const fields = form.fields.map((f) => (f.type === "consent" ? { ...f, text: `${f.text} Updated.` } : f));
    const updated = await updateForm(ctx, { id: form.id, patch: { fields } });
    expect(updated.consentVersion).toBe(2);
    await remindReconsent(ctx);
    await remindReconsent(ctx);
    let tasks = (await listTasks(ctx, {})).items.filter((t) => t.source === "consent");
    expect(tasks.map((t) => t.sourceRef)).toEqual([`consent:${consent.id}:v2`]);
    expect(tasks[0]!.contactIds).toEqual([contactId]);
    // Renaming the form leaves the consent version alone.
    expect(
      (await updateForm(ctx, { id: form.id, patch: { name: "Massage intake 2027" } })).consentVersion,
    ).toBe(2);

    await tamper(
      sql`UPDATE consent_records SET signed_at = now() - interval '400 days' WHERE id = ${consent.id}`,
    );
    await remindReconsent(ctx);
    await remindReconsent(ctx);
    tasks = (await listTasks(ctx, {})).items.filter((t) => t.source === "consent");
    expect(tasks.map((t) => t.sourceRef).sort()).toEqual([
      `consent:${consent.id}:12m`,
      `consent:${consent.id}:v2`,
    ]);
  });
});

describe("re-consent tick", () => {
  it("queues one forms_reconsent job per user with consents, not a second while one waits", async () => {
    const ctx = await user();
    const form = await massageForm(ctx);
    const link = await createFormLink(ctx, { formId: form.id, body: {} });
    await submitPublicForm(
      h.db,
      link.token,
      { answers: massageAnswers("t@example.com"), signature: signature() },
      meta,
    );
    const jobsOf = async () =>
      (
        await h.db.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM jobs WHERE user_id = ${ctx.userId} AND kind = 'forms_reconsent'`,
        )
      ).rows[0]!.n;
    expect(await jobsOf()).toBe(0);
    // Embedded mode with no runner started here: the first job stays queued.
    await reconsentTick({ db: h.db, log: rootLog() });
    await reconsentTick({ db: h.db, log: rootLog() });
    expect(await jobsOf()).toBe(1);
  });
});

/** Changes a consent record as only someone with direct database access could (trigger off). */
async function tamper(q: ReturnType<typeof sql>) {
  await h.db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE consent_records DISABLE TRIGGER consent_records_immutable`);
    await tx.execute(q);
    await tx.execute(sql`ALTER TABLE consent_records ENABLE TRIGGER consent_records_immutable`);
  });
}
