import { describe, expect, it } from "vitest";
import { useHttpServer } from "./harness";

type Env<T> = { ok: boolean; data: T; error?: string };
type Task = { id: string; title: string; due: string | null; status: string; contactIds: string[] };

describe("follow-ups API (HTTP)", () => {
  const h = useHttpServer();

  it("tasks: create, list with filters and keyset pages, get, patch, delete", async () => {
    const c = await h.signUp();
    const contact = await c.post<Env<{ id: string }>>("/api/v1/contacts", { displayName: "Ann Lee" });
    const made = await c.post<Env<Task>>("/api/v1/tasks", {
      title: "Send the stretch PDF",
      due: "2030-01-10",
      contactIds: [contact.json.data.id],
      priority: "high",
    });
    expect(made.status).toBe(201);
    expect(made.json.data).toMatchObject({
      title: "Send the stretch PDF",
      due: "2030-01-10",
      status: "open",
    });
    expect(made.json.data.contactIds).toEqual([contact.json.data.id]);
    const timed = await c.post<Env<Task>>("/api/v1/tasks", { title: "Call", due: "2030-01-11T09:00:00Z" });
    expect(timed.json.data.due).toBe("2030-01-11T09:00:00.000Z");
    await c.post("/api/v1/tasks", { title: "Undated" });
    expect((await c.post("/api/v1/tasks", { title: "" })).status).toBe(400);
    expect((await c.post("/api/v1/tasks", { title: "x", due: "soon" })).status).toBe(400);
    expect((await c.post("/api/v1/tasks", { title: "x", rrule: "FREQ=SECONDLY" })).status).toBe(400);

    const p1 = await c.get<Env<{ items: Task[]; nextCursor: string | null }>>("/api/v1/tasks?limit=2");
    expect(p1.json.data.items.map((t) => t.title)).toEqual(["Send the stretch PDF", "Call"]);
    const p2 = await c.get<Env<{ items: Task[]; nextCursor: string | null }>>(
      `/api/v1/tasks?limit=2&cursor=${encodeURIComponent(p1.json.data.nextCursor!)}`,
    );
    expect(p2.json.data.items.map((t) => t.title)).toEqual(["Undated"]);
    expect(p2.json.data.nextCursor).toBeNull();
    const before = await c.get<Env<{ items: Task[] }>>("/api/v1/tasks?dueBefore=2030-01-11");
    expect(before.json.data.items.map((t) => t.title)).toEqual(["Send the stretch PDF"]);
    const byContact = await c.get<Env<{ items: Task[] }>>(`/api/v1/tasks?contactId=${contact.json.data.id}`);
    expect(byContact.json.data.items).toHaveLength(1);
    expect((await c.get("/api/v1/tasks?status=nope")).status).toBe(400);

    const id = made.json.data.id;
    const done = await c.patch<Env<Task>>(`/api/v1/tasks/${id}`, { status: "done" });
    expect(done.json.data.status).toBe("done");
    const snoozed = await c.patch<Env<Task & { snoozedUntil: string }>>(`/api/v1/tasks/${id}`, {
      status: "snoozed",
      snoozedUntil: "2030-01-20T08:00:00Z",
    });
    expect(snoozed.json.data).toMatchObject({ status: "snoozed", snoozedUntil: "2030-01-20T08:00:00.000Z" });
    expect((await c.get<Env<Task>>(`/api/v1/tasks/${id}`)).json.data.status).toBe("snoozed");
    expect((await c.delete(`/api/v1/tasks/${id}`)).status).toBe(200);
    expect((await c.get(`/api/v1/tasks/${id}`)).status).toBe(404);
    const other = await h.signUp();
    expect((await other.get(`/api/v1/tasks/${timed.json.data.id}`)).status).toBe(404);
    expect((await h.client().get("/api/v1/tasks")).status).toBe(401);
  });

  it("rhythm → Today's dueContacts; feeds rotate (old URL 404, text/calendar without a session); digest preview", async () => {
    const c = await h.signUp();
    const contact = await c.post<Env<{ id: string }>>("/api/v1/contacts", { displayName: "Quinn Quiet" });
    const contactId = contact.json.data.id;
    await c.post("/api/v1/interactions", {
      type: "call",
      occurredAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
      contactIds: [contactId],
    });
    const put = await c.put<Env<{ everyDays: number }>>(`/api/v1/contacts/${contactId}/rhythm`, {
      everyDays: 7,
    });
    expect(put.status).toBe(200);
    expect((await c.put(`/api/v1/contacts/${contactId}/rhythm`, { everyDays: "weekly" })).status).toBe(400);
    const rs = await c.put<Env<{ stages: unknown[] }>>("/api/v1/settings/rhythms", {
      stages: [{ stage: "Core Client", everyDays: 21 }],
      tags: [],
    });
    expect(rs.json.data.stages).toEqual([{ stage: "Core Client", everyDays: 21 }]);
    expect(
      (await c.get<Env<{ stages: unknown[] }>>("/api/v1/settings/rhythms")).json.data.stages,
    ).toHaveLength(1);
    await c.post("/api/v1/tasks", { title: "Overdue thing", due: "2020-01-01" });

    const today = await c.get<
      Env<{
        tasks: { id: string; title: string; due: string }[];
        dueContacts: { contactId: string; lastInteractionAt: string; everyDays: number }[];
        sessions: unknown[];
        birthdays: unknown[];
      }>
    >("/api/v1/today");
    expect(today.status).toBe(200);
    expect(today.json.data.tasks.map((t) => [t.title, t.due])).toEqual([["Overdue thing", "2020-01-01"]]);
    expect(today.json.data.dueContacts).toEqual([
      expect.objectContaining({ contactId, everyDays: 7, lastInteractionAt: expect.any(String) }),
    ]);
    expect(today.json.data.sessions).toEqual([]);
    expect(today.json.data.birthdays).toEqual([]);

    const preview =
      await c.get<Env<{ subject: string; html: string; text: string }>>("/api/v1/digest/preview");
    expect(preview.json.data.subject).toBe("Your day: 1 task, 1 person to contact");
    expect(preview.json.data.html).toContain("Quinn Quiet");
    expect(preview.json.data.text).toContain("Overdue thing");

    const first = await c.post<Env<{ url: string }>>("/api/v1/feeds");
    expect(first.status).toBe(200);
    const path1 = new URL(first.json.data.url).pathname;
    const anon = h.client();
    const ics = await anon.get(path1);
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(ics.text).toContain("SUMMARY:Overdue thing");
    expect(ics.text).toContain("SUMMARY:Check in with Quinn Quiet");
    const second = await c.post<Env<{ url: string }>>("/api/v1/feeds");
    expect((await anon.get(path1)).status).toBe(404);
    expect((await anon.get(new URL(second.json.data.url).pathname)).status).toBe(200);
    expect((await anon.get(`/api/v1/feeds/${"A".repeat(43)}.ics`)).status).toBe(404);
  });

  it("as an attacker: another user's tasks, rhythms and suggestions are 404; a feed is never reachable by id", async () => {
    const victim = await h.signUp();
    const attacker = await h.signUp();
    const contact = await victim.post<Env<{ id: string }>>("/api/v1/contacts", { displayName: "Vic Tim" });
    const task = await victim.post<Env<Task>>("/api/v1/tasks", { title: "Private", due: "2030-02-01" });
    const taskId = task.json.data.id;
    expect((await attacker.patch(`/api/v1/tasks/${taskId}`, { status: "done" })).status).toBe(404);
    expect((await attacker.delete(`/api/v1/tasks/${taskId}`)).status).toBe(404);
    expect(
      (await attacker.post("/api/v1/tasks", { title: "x", contactIds: [contact.json.data.id] })).status,
    ).toBe(404);
    expect((await attacker.get(`/api/v1/tasks?contactId=${contact.json.data.id}`)).status).toBe(200);
    expect(
      (await attacker.put(`/api/v1/contacts/${contact.json.data.id}/rhythm`, { everyDays: 3 })).status,
    ).toBe(404);
    expect((await victim.get<Env<Task>>(`/api/v1/tasks/${taskId}`)).json.data.status).toBe("open");

    // Suggestions: without AI the API says so; unknown or foreign ids are 404.
    const sug =
      await victim.get<Env<{ aiConfigured: boolean; hint: string | null; items: unknown[] }>>(
        "/api/v1/tasks/suggestions",
      );
    expect(sug.status).toBe(200);
    expect(sug.json.data).toMatchObject({ aiConfigured: false, items: [] });
    expect(sug.json.data.hint).toContain("AI_PROVIDER");
    expect((await attacker.post(`/api/v1/tasks/suggestions/${taskId}/accept`)).status).toBe(404);

    // The feed answers only to its secret token: not to a user id, not to a task id.
    await victim.post("/api/v1/feeds");
    const anon = h.client();
    expect((await anon.get(`/api/v1/feeds/${victim.userId}`)).status).toBe(404);
    expect((await anon.get(`/api/v1/feeds/${victim.userId}.ics`)).status).toBe(404);
    expect((await anon.get(`/api/v1/feeds/${taskId}`)).status).toBe(404);
    expect((await anon.post("/api/v1/feeds")).status).toBe(401);
    expect((await anon.get("/api/v1/today")).status).toBe(401);
    expect((await anon.get("/api/v1/digest/preview")).status).toBe(401);
    // A forged unsubscribe token changes nothing.
    expect((await anon.post(`/api/v1/digest/unsubscribe?token=${victim.userId}.forged`)).status).toBe(404);
  });
});
