import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { useHttpServer, type TestClient } from "./harness";

type Ok<T> = { ok: boolean; data: T };
type Err = { ok: boolean; error: string; details?: { fields?: Record<string, string[]> } };

/** A tiny real PNG (greyscale), as the signature pad would send it. */
function png(): string {
  const crc = (b: Buffer) => {
    let c = ~0;
    for (const x of b) {
      c ^= x;
      for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    }
    return ~c >>> 0;
  };
  const chunk = (t: string, d: Buffer) => {
    const td = Buffer.concat([Buffer.from(t), d]);
    const out = Buffer.alloc(12 + d.length);
    out.writeUInt32BE(d.length, 0);
    td.copy(out, 4);
    out.writeUInt32BE(crc(td), 8 + d.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8, 0);
  ihdr.writeUInt32BE(4, 4);
  ihdr[8] = 8;
  const raw = Buffer.alloc(4 * 9, 255);
  for (let y = 0; y < 4; y++) raw[y * 9] = 0;
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${bytes.toString("base64")}`;
}

const answers = (email: string) => ({
  name: "Ana Silva",
  email,
  health: { allergies: "Nuts" },
  pressure: "Firm",
  consent: true,
});

async function publicLink(p: TestClient, reusable = true) {
  const f = await p.post<Ok<{ id: string }>>("/api/v1/forms", { template: "massage" });
  expect(f.status).toBe(201);
  const l = await p.post<Ok<{ token: string; url: string }>>(`/api/v1/forms/${f.json.data.id}/links`, {
    reusable,
  });
  expect(l.status).toBe(201);
  return { formId: f.json.data.id, token: l.json.data.token };
}

// The public form endpoints as a client and as an attacker sees them: over HTTP, no session.
describe("public forms (HTTP)", () => {
  const h = useHttpServer({ BOOKING_ATTEMPTS_PER_IP: "6" });

  it("serves the form and its page by signed token, takes a signed submission, and 404s the rest alike", async () => {
    const p = await h.signUp();
    const { formId, token } = await publicLink(p);
    const anon = h.client();
    const form = await anon.get<Ok<{ name: string; needsSignature: boolean }>>(
      `/api/v1/public/forms/${token}`,
    );
    expect(form.status).toBe(200);
    expect(form.json.data).toMatchObject({ name: "Massage intake", needsSignature: true });
    expect(JSON.stringify(form.json)).not.toContain(formId);
    expect(JSON.stringify(form.json)).not.toContain(p.email);
    const page = await anon.get(`/f/${token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Massage intake");
    expect(page.text).toContain('<canvas id="sig"');

    // No CSRF token needed: the public API carries no session to ride on.
    const sent = await anon.post<Ok<{ received: boolean }>>(
      `/api/v1/public/forms/${token}`,
      { answers: answers("ana@example.com"), signature: { name: "Ana Silva", image: png() } },
      { csrf: false },
    );
    expect(sent.status).toBe(201);
    const subs =
      await p.get<Ok<{ items: { id: string; match: { kind: string } }[] }>>("/api/v1/form-submissions");
    expect(subs.json.data.items).toHaveLength(1);

    const forged = await anon.get<Err>(`/api/v1/public/forms/${token.slice(0, -2)}xx`);
    const garbage = await anon.get<Err>("/api/v1/public/forms/not-a-token");
    expect([forged.status, garbage.status]).toEqual([404, 404]);
    expect(forged.json).toEqual(garbage.json);
    expect((await anon.get(`/f/not-a-token`)).status).toBe(404);
    // The form's id is not a way in either.
    expect((await anon.get(`/api/v1/public/forms/${formId}`)).status).toBe(404);

    // Another practitioner cannot reach the form or the submission by id.
    const other = await h.signUp();
    expect((await other.get(`/api/v1/forms/${formId}`)).status).toBe(404);
    expect((await other.post(`/api/v1/form-submissions/${subs.json.data.items[0]!.id}/approve`)).status).toBe(
      404,
    );
    expect((await other.post(`/api/v1/forms/${formId}/links`, {})).status).toBe(404);
  });

  it("answers hostile bodies with 4xx, never 5xx", async () => {
    const p = await h.signUp();
    const { token } = await publicLink(p);
    const url = `/api/v1/public/forms/${token}`;
    const cases: [unknown, number][] = [
      [
        {
          answers: { ...answers("a@example.com"), pressure: "Crushing" },
          signature: { name: "A", image: png() },
        },
        400,
      ],
      [{ answers: answers("a@example.com") }, 400],
      [
        {
          answers: answers("a@example.com"),
          signature: { name: "A", image: "data:image/svg+xml;base64,PHN2Zy8+" },
        },
        400,
      ],
      [
        {
          answers: answers("a@example.com"),
          signature: { name: "A", image: "data:image/png;base64,iVBORw0KGgo=" },
        },
        400,
      ],
      [{ answers: { __proto__: { x: 1 }, constructor: "x" } }, 400],
      [{ answers: "nope" }, 400],
      [[1, 2, 3], 400],
    ];
    for (const [body, status] of cases) {
      const c = h.client();
      const r = await c.post<Err>(url, body, { csrf: false });
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(r.json.ok).toBe(false);
    }
    const fields = await h.client().post<Err>(
      url,
      {
        answers: { ...answers("a@example.com"), pressure: "Crushing" },
        signature: { name: "A", image: png() },
      },
      { csrf: false },
    );
    expect(Object.keys(fields.json.details?.fields ?? {})).toContain("pressure");
    // Not JSON, and far too large: refused before parsing.
    const c = h.client();
    expect((await c.post(url, undefined, { csrf: false, raw: "{not json" })).status).toBe(400);
    const huge = await c.post(url, undefined, {
      csrf: false,
      raw: JSON.stringify({ answers: { name: "x".repeat(700_000) } }),
    });
    expect(huge.status).toBe(413);
  });

  it("limits posts per IP, and treats a filled honeypot as a success that stores nothing", async () => {
    const p = await h.signUp();
    const { token } = await publicLink(p);
    const url = `/api/v1/public/forms/${token}`;
    const bot = h.client();
    const trap = await bot.post<Ok<{ received: boolean }>>(
      url,
      { answers: {}, website: "http://spam.example" },
      { csrf: false },
    );
    expect(trap.status).toBe(201);
    expect(trap.json.data.received).toBe(true);
    expect((await p.get<Ok<{ items: unknown[] }>>("/api/v1/form-submissions")).json.data.items).toHaveLength(
      0,
    );
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await bot.post(url, { answers: {} }, { csrf: false })).status);
    // 6 attempts per IP in the window (the honeypot post counted), then 429 with Retry-After.
    expect(codes.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(codes.at(-1)).toBe(429);
    const limited = await bot.post(url, { answers: {} }, { csrf: false });
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    // Another address is not affected.
    expect((await h.client().post(url, { answers: {} }, { csrf: false })).status).toBe(400);
  });

  it("a one-time link works once", async () => {
    const p = await h.signUp();
    const { token } = await publicLink(p, false);
    const body = { answers: answers("b@example.com"), signature: { name: "B", image: png() } };
    expect((await h.client().post(`/api/v1/public/forms/${token}`, body, { csrf: false })).status).toBe(201);
    expect((await h.client().post(`/api/v1/public/forms/${token}`, body, { csrf: false })).status).toBe(404);
    expect((await h.client().get(`/f/${token}`)).status).toBe(404);
  });
});
