import { describe, expect, it } from "vitest";
import { useHttpServer, type TestClient } from "./harness";

type Ok<T> = { ok: boolean; data: T };
type Err = { ok: boolean; error: string; message?: string };
type Slot = { start: string; end: string };

const day = [{ start: "08:00", end: "18:00" }];
const week = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day };

/** A new practitioner with an open page (UTC, hourly slots, no notice) and one service. */
async function openPage(c: TestClient, handle: string) {
  const a = await c.put<Ok<{ handle: string }>>("/api/v1/availability", {
    handle,
    enabled: true,
    displayName: "Maya Fields",
    timeZone: "UTC",
    weeklyHours: week,
    minNoticeMinutes: 0,
    slotStepMinutes: 60,
  });
  expect(a.status).toBe(200);
  const s = await c.post<Ok<{ id: string }>>("/api/v1/services", { name: "Massage", durationMinutes: 60 });
  expect(s.status).toBe(201);
  return s.json.data.id;
}

const book = (c: TestClient, handle: string, body: Record<string, unknown>) =>
  c.post<Ok<{ bookingId: string; manageToken: string }> & Err>(`/api/v1/public/${handle}/bookings`, body);
const visitor = (serviceId: string, start: string, email: string) => ({
  serviceId,
  start,
  name: "Ana Silva",
  email,
  consent: true,
});

// The public booking API as a new visitor and as an attacker sees it: over HTTP, no session.
describe("public booking (HTTP)", () => {
  const h = useHttpServer({ BOOKING_ATTEMPTS_PER_IP: "10" });

  it("shows services and ISO slots by handle; unknown and closed pages answer the same 404", async () => {
    const p = await h.signUp();
    const handle = `maya-${p.userId.slice(0, 8)}`;
    const serviceId = await openPage(p, handle);
    const anon = h.client();
    const services = await anon.get<Ok<{ services: { id: string; name: string }[] }>>(
      `/api/v1/public/${handle}/services`,
    );
    expect(services.status).toBe(200);
    expect(services.json.data.services.map((s) => s.id)).toEqual([serviceId]);
    expect(JSON.stringify(services.json)).not.toContain(p.email);
    const slots = await anon.get<Ok<{ slots: Slot[] }>>(
      `/api/v1/public/${handle}/slots?serviceId=${serviceId}`,
    );
    expect(slots.status).toBe(200);
    const first = slots.json.data.slots[0]!;
    expect(Date.parse(first.end) - Date.parse(first.start)).toBe(3_600_000);
    expect(new Date(first.start).toISOString()).toBe(first.start);
    expect((await anon.get(`/book/${handle}`)).text).toContain("Massage");

    const unknown = await anon.get<Err>("/api/v1/public/no-such-page-here/services");
    await p.put("/api/v1/availability", { enabled: false });
    const closed = await anon.get<Err>(`/api/v1/public/${handle}/services`);
    expect([unknown.status, closed.status]).toEqual([404, 404]);
    expect(closed.json).toEqual(unknown.json);
    expect((await anon.get(`/book/${handle}`)).status).toBe(404);
  });

  it("gives one slot to exactly one of 20 concurrent visitors (409 for the rest)", async () => {
    const p = await h.signUp();
    const handle = `race-${p.userId.slice(0, 8)}`;
    const serviceId = await openPage(p, handle);
    const slots = await h
      .client()
      .get<Ok<{ slots: Slot[] }>>(`/api/v1/public/${handle}/slots?serviceId=${serviceId}`);
    const start = slots.json.data.slots[2]!.start;
    // 20 visitors, each from their own address (so per-IP limits do not decide it).
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        book(h.client(), handle, visitor(serviceId, start, `r${i}@ex.com`)),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.map((r) => [r.status, r.json.error])).toEqual(Array(19).fill([409, "conflict"]));
    const mine = await p.get<Ok<{ items: { start: string; status: string }[] }>>("/api/v1/bookings");
    expect(mine.json.data.items.filter((b) => b.start === start)).toHaveLength(1);
  });

  it("limits booking attempts per IP, ignores a honeypot, and never says whether an email has an account", async () => {
    const p = await h.signUp();
    const handle = `abuse-${p.userId.slice(0, 8)}`;
    const serviceId = await openPage(p, handle);
    const slots = (
      await h.client().get<Ok<{ slots: Slot[] }>>(`/api/v1/public/${handle}/slots?serviceId=${serviceId}`)
    ).json.data.slots;
    // An email that has an OmniCRM account books exactly like one that does not.
    const existing = await book(h.client(), handle, visitor(serviceId, slots[0]!.start, p.email));
    const stranger = await book(h.client(), handle, visitor(serviceId, slots[1]!.start, "new@ex.com"));
    expect([existing.status, stranger.status]).toEqual([201, 201]);
    expect(Object.keys(existing.json.data).sort()).toEqual(Object.keys(stranger.json.data).sort());
    // The honeypot looks like a success and books nothing.
    const bot = await book(h.client(), handle, {
      ...visitor(serviceId, slots[2]!.start, "bot@ex.com"),
      website: "http://spam.example",
    });
    expect(bot.status).toBe(201);
    expect(bot.json.data.manageToken.startsWith(`${bot.json.data.bookingId}.`)).toBe(true);
    expect((await h.client().get(`/book/manage/${bot.json.data.manageToken}`)).status).toBe(404);
    const mine = await p.get<Ok<{ items: { clientEmail: string }[] }>>("/api/v1/bookings");
    expect(mine.json.data.items.map((b) => b.clientEmail).sort()).toEqual(["new@ex.com", p.email].sort());
    // One address: 10 attempts in the window, then 429 with Retry-After.
    const one = h.client();
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push((await book(one, handle, visitor(serviceId, slots[0]!.start, `x${i}@ex.com`))).status);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(409));
    const limited = await book(one, handle, visitor(serviceId, slots[0]!.start, "x@ex.com"));
    expect([codes[10], limited.status]).toEqual([429, 429]);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("reaches nothing beyond the handle: another practitioner's service, bookings and forged links are 404", async () => {
    const a = await h.signUp();
    const b = await h.signUp();
    const handleA = `a-${a.userId.slice(0, 8)}`;
    const serviceA = await openPage(a, handleA);
    const serviceB = await openPage(b, `b-${b.userId.slice(0, 8)}`);
    const anon = h.client();
    const start = (
      await anon.get<Ok<{ slots: Slot[] }>>(`/api/v1/public/${handleA}/slots?serviceId=${serviceA}`)
    ).json.data.slots[0]!.start;
    // B's service through A's handle does not exist.
    expect((await anon.get(`/api/v1/public/${handleA}/slots?serviceId=${serviceB}`)).status).toBe(404);
    expect((await book(anon, handleA, visitor(serviceB, start, "c@ex.com"))).status).toBe(404);
    const made = await book(anon, handleA, visitor(serviceA, start, "c@ex.com"));
    const { bookingId, manageToken } = made.json.data;
    // B (signed in) cannot read or change A's booking.
    expect((await b.get(`/api/v1/bookings/${bookingId}`)).status).toBe(404);
    expect((await b.patch(`/api/v1/bookings/${bookingId}`, { status: "cancelled" })).status).toBe(404);
    // The signed link works; an altered one, or one for another id, reads as unknown.
    expect((await anon.get(`/book/manage/${manageToken}`)).status).toBe(200);
    const sig = manageToken.split(".")[1]!;
    const flipped = `${bookingId}.${sig.slice(0, -2)}${sig.endsWith("AA") ? "BB" : "AA"}`;
    expect((await anon.get(`/book/manage/${flipped}`)).status).toBe(404);
    expect((await anon.get(`/book/manage/${crypto.randomUUID()}.${sig}`)).status).toBe(404);
    expect((await anon.get(`/book/manage/${bookingId}`)).status).toBe(404);
  });
});
