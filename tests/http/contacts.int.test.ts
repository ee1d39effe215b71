import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testPng } from "../../src/server/contacts/avatar-test-images";
import { useHttpServer, type TestClient } from "./harness";
import { multipart } from "./multipart";

type Ok<T> = { ok: boolean; data: T };
type Err = {
  ok: boolean;
  error: string;
  details?: { fields?: Record<string, string[]> } & Record<string, unknown>;
};

async function create(c: TestClient, body: Record<string, unknown>) {
  return c.post<Ok<{ id: string; primaryEmail: string | null }> & Err>("/api/v1/contacts", body);
}

describe("contacts API (HTTP)", () => {
  const h = useHttpServer();

  it("requires a session and CSRF on mutations", async () => {
    const anon = h.client();
    expect((await anon.get("/api/v1/contacts")).status).toBe(401);
    const c = await h.signUp();
    expect((await c.post("/api/v1/contacts", { displayName: "X" }, { csrf: false })).status).toBe(403);
  });

  it("creates, validates (400 naming the field, 409 naming the email), reads, patches, lists, deletes, restores", async () => {
    const c = await h.signUp();
    const made = await create(c, { displayName: "Ivy Green", emails: [{ value: "ivy@example.com" }] });
    expect(made.status).toBe(201);
    const id = made.json.data.id;
    const bad = await create(c, { displayName: "Bad", emails: [{ value: "nope" }] });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe("invalid_body");
    expect(Object.keys(bad.json.details!.fields!)).toContain("emails.0.value");
    const dup = await create(c, { displayName: "Dup", emails: [{ value: "IVY@example.com" }] });
    expect(dup.status).toBe(409);
    expect(dup.json.details).toMatchObject({ email: "ivy@example.com" });

    const patched = await c.patch<Ok<{ stage: string }>>(`/api/v1/contacts/${id}`, { stage: "VIP Client" });
    expect(patched.json.data.stage).toBe("VIP Client");
    const list = await c.get<Ok<{ items: { id: string; stage: string }[]; total: number }>>(
      "/api/v1/contacts?stage=VIP%20Client&sort=name",
    );
    expect(list.json.data.items.map((i) => i.id)).toEqual([id]);
    const search = await c.get<Ok<{ hits: { type: string; id: string }[] }>>("/api/v1/search?q=ivy%20gren");
    expect(search.json.data.hits[0]).toMatchObject({ type: "contact", id });
    expect((await c.delete(`/api/v1/contacts/${id}`)).status).toBe(200);
    expect((await c.get(`/api/v1/contacts/${id}`)).status).toBe(404);
    expect((await c.post(`/api/v1/contacts/${id}/restore`)).status).toBe(200);
    expect((await c.get(`/api/v1/contacts/${id}`)).status).toBe(200);
  });

  it("answers 404 for another user's contact, note and tag ids", async () => {
    const a = await h.signUp();
    const b = await h.signUp();
    const id = (await create(a, { displayName: "Private" })).json.data.id;
    const note = await a.post<Ok<{ id: string }>>(`/api/v1/contacts/${id}/notes`, { body: "secret" });
    expect(note.status).toBe(201);
    for (const [m, p] of [
      ["GET", `/api/v1/contacts/${id}`],
      ["PATCH", `/api/v1/contacts/${id}`],
      ["DELETE", `/api/v1/contacts/${id}`],
      ["GET", `/api/v1/contacts/${id}/timeline`],
      ["GET", `/api/v1/contacts/${id}/notes`],
      ["GET", `/api/v1/notes/${note.json.data.id}`],
      ["DELETE", `/api/v1/notes/${note.json.data.id}`],
      ["GET", `/api/v1/contacts/not-a-uuid`],
    ] as const) {
      const r = await b.request<Err>(m, p, m === "PATCH" ? { displayName: "x" } : undefined);
      expect({ m, p, status: r.status }).toEqual({ m, p, status: 404 });
    }
  });

  it("answers 404 (never 403) to every contacts, notes, tags, interactions and imports endpoint given another user's ids, and changes nothing", async () => {
    const a = await h.signUp();
    const b = await h.signUp();
    const id = (await create(a, { displayName: "Private Person", emails: [{ value: "pp@a.example" }] })).json
      .data.id;
    const twin = (await create(a, { displayName: "Private Person" })).json.data.id;
    const note = (await a.post<Ok<{ id: string }>>(`/api/v1/contacts/${id}/notes`, { body: "secret" })).json
      .data.id;
    const tag = (await a.post<Ok<{ id: string }>>("/api/v1/tags", { name: "A only" })).json.data.id;
    const interaction = (
      await a.post<Ok<{ id: string }>>("/api/v1/interactions", {
        type: "session",
        occurredAt: new Date().toISOString(),
        subject: "a's session",
        contactIds: [id],
      })
    ).json.data.id;
    const png = { name: "p.png", type: "image/png", content: testPng(300, 200) };
    const avatar = await a.put<Ok<{ avatarUrl: string }>>(
      `/api/v1/contacts/${id}/avatar`,
      undefined,
      multipart({}, png),
    );
    expect(avatar.status).toBe(200);
    const gotAvatar = await a.get(avatar.json.data.avatarUrl);
    expect(gotAvatar.headers.get("content-type")).toBe("image/png");
    const merged = await a.post<Ok<{ mergeId: string }>>("/api/v1/contacts/merge", {
      survivorId: id,
      mergedId: twin,
    });
    expect(merged.status).toBe(200);
    const csv = { name: "c.csv", type: "text/csv", content: "Name\r\nImported One\r\n" };
    const batch = (
      await a.post<Ok<{ batchId: string }>>("/api/v1/imports", undefined, multipart({ confirm: "true" }, csv))
    ).json.data.batchId;

    const before = (await a.get<Ok<Record<string, unknown>>>(`/api/v1/contacts/${id}`)).json.data;
    const attempts: [string, string, unknown?, ReturnType<typeof multipart>?][] = [
      ["GET", `/api/v1/contacts/${id}`],
      ["PATCH", `/api/v1/contacts/${id}`, { displayName: "hijacked" }],
      ["DELETE", `/api/v1/contacts/${id}`],
      ["POST", `/api/v1/contacts/${id}/restore`],
      ["GET", `/api/v1/contacts/${id}/timeline`],
      ["GET", `/api/v1/contacts/${id}/notes`],
      ["POST", `/api/v1/contacts/${id}/notes`, { body: "planted" }],
      ["GET", `/api/v1/contacts/${id}/avatar`],
      ["PUT", `/api/v1/contacts/${id}/avatar`, undefined, multipart({}, png)],
      ["DELETE", `/api/v1/contacts/${id}/avatar`],
      ["GET", `/api/v1/notes/${note}`],
      ["PATCH", `/api/v1/notes/${note}`, { body: "hijacked" }],
      ["DELETE", `/api/v1/notes/${note}`],
      ["PATCH", `/api/v1/tags/${tag}`, { name: "hijacked" }],
      ["DELETE", `/api/v1/tags/${tag}`],
      ["GET", `/api/v1/interactions/${interaction}`],
      ["DELETE", `/api/v1/interactions/${interaction}`],
      [
        "POST",
        "/api/v1/interactions",
        { type: "call", occurredAt: new Date().toISOString(), contactIds: [id] },
      ],
      ["POST", "/api/v1/contacts/bulk", { action: "delete", ids: [id] }],
      ["POST", "/api/v1/contacts/bulk", { action: "setStage", ids: [id], stage: "Lost Client" }],
      ["POST", "/api/v1/contacts/merge", { survivorId: id, mergedId: twin }],
      ["POST", `/api/v1/contacts/merges/${merged.json.data.mergeId}/undo`],
      ["POST", `/api/v1/imports/${batch}/undo`],
    ];
    for (const [m, p, body, form] of attempts) {
      const r = await b.request<Err>(m, p, body, form);
      expect({ m, p, status: r.status }).toEqual({ m, p, status: 404 });
    }

    // B's lists, search and exports never include A's rows.
    const bList = await b.get<Ok<{ items: unknown[] }>>("/api/v1/contacts");
    expect(bList.json.data.items).toEqual([]);
    const bSearch = await b.get<Ok<{ hits: unknown[] }>>("/api/v1/search?q=private");
    expect(bSearch.json.data.hits).toEqual([]);
    expect((await b.get("/api/v1/exports/contacts?format=csv")).text).not.toContain("Private Person");
    expect((await b.get("/api/v1/exports/contacts?format=vcard")).text).not.toContain("Private Person");
    const bData = await b.get("/api/v1/exports/data");
    expect(bData.status).toBe(200);
    expect(bData.text).not.toContain("Private Person");
    expect(bData.text).not.toContain("secret");

    // …and A's data is untouched.
    const mine = await a.get<Ok<{ displayName: string; avatarUrl: string | null }>>(`/api/v1/contacts/${id}`);
    expect(mine.json.data).toEqual(before);
    expect(mine.json.data.displayName).toBe("Private Person");
    expect((await a.get(mine.json.data.avatarUrl!)).headers.get("content-type")).toBe("image/png");
    const notes = await a.get<Ok<{ items: { body: string }[] }>>(`/api/v1/contacts/${id}/notes`);
    expect(notes.json.data.items.map((n) => n.body)).toEqual(["secret"]);
    expect((await a.get(`/api/v1/interactions/${interaction}`)).status).toBe(200);
    const tags = await a.get<Ok<{ items: { name: string }[] }>>("/api/v1/tags");
    expect(tags.json.data.items.map((t) => t.name)).toContain("A only");
    expect((await a.post(`/api/v1/imports/${batch}/undo`)).status).toBe(200);
    expect((await a.post(`/api/v1/contacts/merges/${merged.json.data.mergeId}/undo`)).status).toBe(200);
  });

  it("imports a CSV with preview and confirm, exports it, and undoes the batch", async () => {
    const c = await h.signUp();
    const csv = "Name,Email\r\nAna,ana@x.org\r\nBad,not-an-email\r\n";
    const file = { name: "clients.csv", type: "text/csv", content: csv };
    const prev = await c.post<Ok<{ validRows: number; errors: { line: number }[] }>>(
      "/api/v1/imports/preview",
      undefined,
      multipart({}, file),
    );
    expect(prev.status).toBe(200);
    expect(prev.json.data.validRows).toBe(1);
    expect(prev.json.data.errors.map((e) => e.line)).toEqual([3]);
    const refused = await c.post<Err>("/api/v1/imports", undefined, multipart({}, file));
    expect(refused.status).toBe(422);
    const done = await c.post<Ok<{ batchId: string; created: number }>>(
      "/api/v1/imports",
      undefined,
      multipart({ confirm: "true" }, file),
    );
    expect(done.status).toBe(201);
    expect(done.json.data.created).toBe(1);
    const exported = await c.get("/api/v1/exports/contacts?format=csv");
    expect(exported.headers.get("content-type")).toContain("text/csv");
    expect(exported.text).toContain("ana@x.org");
    const undo = await c.post<Ok<{ removed: number }>>(`/api/v1/imports/${done.json.data.batchId}/undo`);
    expect(undo.json.data.removed).toBe(1);
  });

  it("rejects oversized avatars with 413 and non-images with 415", async () => {
    const c = await h.signUp();
    const id = (await create(c, { displayName: "Pic" })).json.data.id;
    const big = await c.put(
      `/api/v1/contacts/${id}/avatar`,
      undefined,
      multipart({}, { name: "a.png", type: "image/png", content: "x".repeat(5 * 1024 * 1024 + 100) }),
    );
    expect(big.status).toBe(413);
    const svg = await c.put(
      `/api/v1/contacts/${id}/avatar`,
      undefined,
      multipart({}, { name: "a.svg", type: "image/svg+xml", content: "<svg/>" }),
    );
    expect(svg.status).toBe(415);
  });

  it("tags: starter set, bulk apply ≤1000 ids, dashboard", async () => {
    const c = await h.signUp();
    const seeded =
      await c.post<Ok<{ items: { id: string }[]; created: number }>>("/api/v1/tags/seed-starter");
    expect(seeded.json.data.created).toBeGreaterThan(5);
    const id = (await create(c, { displayName: "T" })).json.data.id;
    const tagId = seeded.json.data.items[0]!.id;
    const bulk = await c.post<Ok<{ affected: number }>>("/api/v1/contacts/bulk", {
      action: "addTags",
      ids: [id],
      tagIds: [tagId],
    });
    expect(bulk.json.data.affected).toBe(1);
    const tooMany = await c.post<Err>("/api/v1/contacts/bulk", {
      action: "delete",
      ids: Array.from({ length: 1001 }, () => randomUUID()),
    });
    expect(tooMany.status).toBe(400);
    const dash = await c.get<Ok<{ totalContacts: number }>>("/api/v1/dashboard");
    expect(dash.json.data.totalContacts).toBe(1);
  });
});
