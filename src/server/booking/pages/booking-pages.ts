import { DateTime } from "luxon";
import { getDb } from "../../db/client";
import { isAppError } from "../../errors";
import { cancelBooking, rescheduleBooking } from "../change-booking";
import { createPublicBooking } from "../create-public-booking";
import { bookingTimeZone, loadSettings } from "../get-availability";
import { listPublicServices } from "../list-public-services";
import { listPublicSlots } from "../list-public-slots";
import { resolveHandle } from "../resolve-handle";
import { resolveManageToken } from "../resolve-manage-token";
import { esc, fmtDay, fmtTime, nonceOf, page, price, redirect, visitorZone, zoneLabel } from "./html";
import { readForm } from "./guard";

const db = async () => (await getDb()).db;
const enc = encodeURIComponent;

/** /book/{handle}: who, and which service. */
export async function servicesPage(req: Request, handle: string): Promise<Response> {
  const p = await listPublicServices(await resolveHandle(await db(), handle));
  const items = p.services
    .map(
      (s) => `<a class="card" href="/book/${enc(handle)}/${s.id}"><strong>${esc(s.name)}</strong><br>
      <span class="muted">${s.durationMinutes} min${s.priceCents !== null ? ` · ${esc(price(s.priceCents, s.currency))}` : ""}${
        s.location && s.locationType !== "none"
          ? ` · ${esc(s.locationType === "video" ? "Video call" : s.location)}`
          : ""
      }</span>${s.description ? `<br><span class="muted">${esc(s.description)}</span>` : ""}</a>`,
    )
    .join("");
  return page(
    `Book with ${p.name}`,
    `<h1>Book with ${esc(p.name)}</h1><p class="muted">Choose a service</p>${items || "<p>No services can be booked right now.</p>"}`,
    { nonce: nonceOf(req) },
  );
}

type SlotView = {
  handle: string;
  serviceId: string;
  title: string;
  action: (start: string) => string;
  back: string;
};

async function slotList(
  req: Request,
  ctx: Awaited<ReturnType<typeof resolveHandle>>,
  v: SlotView,
  excludeBookingId?: string,
) {
  const s = await loadSettings(ctx);
  const { zone, known } = visitorZone(req, await bookingTimeZone(ctx, s));
  const url = new URL(req.url);
  const week = Math.max(0, Math.min(12, Number(url.searchParams.get("week") ?? 0) || 0));
  const from = DateTime.now()
    .setZone(zone)
    .startOf("day")
    .plus({ days: week * 7 });
  const r = await listPublicSlots(ctx, {
    serviceId: v.serviceId,
    from: from.toUTC().toISO()!,
    to: from.plus({ days: 7 }).toUTC().toISO()!,
    excludeBookingId,
  });
  const byDay = new Map<string, string[]>();
  for (const slot of r.slots) {
    const d = fmtDay(slot.start, zone);
    byDay.set(d, [...(byDay.get(d) ?? []), slot.start]);
  }
  const days = [...byDay.entries()]
    .map(
      ([d, starts]) =>
        `<h2>${esc(d)}</h2><div class="slots">${starts
          .map((st) => `<a class="slot" href="${esc(v.action(st))}">${esc(fmtTime(st, zone))}</a>`)
          .join("")}</div>`,
    )
    .join("");
  const base = new URL(req.url);
  const nav = (w: number) => {
    base.searchParams.set("week", String(w));
    return `${base.pathname}?${base.searchParams.toString()}`;
  };
  const body = `<p><a href="${esc(v.back)}">← Back</a></p><h1>${esc(v.title)}</h1><p class="muted">${esc(zoneLabel(zone))}</p>
    ${days || "<p>No free times this week.</p>"}
    <nav>${week > 0 ? `<a href="${esc(nav(week - 1))}">← Earlier</a>` : "<span></span>"}<a href="${esc(nav(week + 1))}">Later →</a></nav>`;
  return page(v.title, body, { nonce: nonceOf(req), needsTz: !known });
}

/** /book/{handle}/{serviceId}: free times this week, in the visitor's zone. */
export async function slotsPage(req: Request, handle: string, serviceId: string): Promise<Response> {
  const ctx = await resolveHandle(await db(), handle);
  const svc = (await listPublicServices(ctx)).services.find((s) => s.id === serviceId);
  if (!svc) return servicesPage(req, handle);
  return slotList(req, ctx, {
    handle,
    serviceId,
    title: `${svc.name} · pick a time`,
    back: `/book/${enc(handle)}`,
    action: (start) => `/book/${enc(handle)}/${serviceId}/details?start=${enc(start)}`,
  });
}

function detailsForm(
  req: Request,
  a: {
    handle: string;
    serviceId: string;
    title: string;
    start: string;
    zone: string;
    error?: string;
    values?: URLSearchParams;
  },
  status = 200,
): Response {
  const val = (k: string) => esc(a.values?.get(k) ?? "");
  const body = `<p><a href="/book/${esc(enc(a.handle))}/${esc(a.serviceId)}">← Other times</a></p>
  <h1>${esc(a.title)}</h1><p><strong>${esc(fmtDay(a.start, a.zone))}, ${esc(fmtTime(a.start, a.zone))}</strong><br><span class="muted">${esc(zoneLabel(a.zone))}</span></p>
  ${a.error ? `<div class="error" role="alert">${esc(a.error)}</div>` : ""}
  <form method="post">
    <input type="hidden" name="start" value="${esc(a.start)}"><input type="hidden" name="timeZone" value="${esc(a.zone)}">
    <label for="name">Your name</label><input id="name" name="name" required maxlength="120" autocomplete="name" value="${val("name")}">
    <label for="email">Email</label><input id="email" name="email" type="email" required maxlength="254" autocomplete="email" value="${val("email")}">
    <label for="phone">Phone (optional)</label><input id="phone" name="phone" type="tel" maxlength="40" autocomplete="tel" value="${val("phone")}">
    <label for="note">Anything to share? (optional)</label><textarea id="note" name="note" rows="3" maxlength="2000">${val("note")}</textarea>
    <div class="hp" aria-hidden="true"><label for="website">Website</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
    <label class="check"><input type="checkbox" name="consent" value="yes" required> I agree that my details are kept to arrange this session.</label>
    <p><button class="btn" type="submit">Confirm booking</button></p>
  </form>`;
  return page(`Confirm · ${a.title}`, body, { nonce: nonceOf(req), status });
}

/** /book/{handle}/{serviceId}/details: the form (GET) and the booking itself (POST). */
export async function detailsPage(req: Request, handle: string, serviceId: string): Promise<Response> {
  const ctx = await resolveHandle(await db(), handle);
  const svc = (await listPublicServices(ctx)).services.find((s) => s.id === serviceId);
  if (!svc) return servicesPage(req, handle);
  const { zone } = visitorZone(req, await bookingTimeZone(ctx, await loadSettings(ctx)));
  const form = req.method === "POST" ? await readForm(req) : null;
  const start = form?.get("start") ?? new URL(req.url).searchParams.get("start") ?? "";
  if (!DateTime.fromISO(start).isValid) return slotsPage(req, handle, serviceId);
  const args = { handle, serviceId, title: svc.name, start, zone };
  if (!form) return detailsForm(req, args);
  try {
    const r = await createPublicBooking(ctx, {
      serviceId,
      start,
      name: form.get("name") ?? "",
      email: (form.get("email") ?? "").trim(),
      phone: form.get("phone") || undefined,
      note: form.get("note") || undefined,
      consent: (form.get("consent") === "yes") as true,
      timeZone: form.get("timeZone") || undefined,
      website: form.get("website") || undefined,
    });
    if (!r.manageToken)
      return page("Booked", "<h1>Thank you</h1><p>Your request was received.</p>", { nonce: nonceOf(req) });
    return redirect(`/book/manage/${r.manageToken}?booked=1`);
  } catch (e) {
    if (isAppError(e) && e.code === "conflict")
      return detailsForm(
        req,
        { ...args, error: "Sorry, that time was just taken. Please go back and pick another.", values: form },
        409,
      );
    if ((e as { name?: string }).name === "ZodError")
      return detailsForm(
        req,
        { ...args, error: "Please check your name and email, and tick the consent box.", values: form },
        400,
      );
    throw e;
  }
}

/** /book/manage/{token}: the client's booking, with reschedule and cancel. */
export async function managePage(req: Request, token: string): Promise<Response> {
  const { ctx, booking: b } = await resolveManageToken(await db(), token);
  const s = await loadSettings(ctx);
  const { zone } = visitorZone(req, b.clientTimeZone ?? (await bookingTimeZone(ctx, s)));
  const url = new URL(req.url);
  const name = (await listPublicServices(ctx)).name;
  const cancelled = b.status === "cancelled";
  const canChange = !cancelled && b.startsAt.getTime() - Date.now() >= s.cancelWindowMinutes * 60_000;
  const t = enc(token);
  const banner = url.searchParams.get("booked")
    ? `<div class="ok" role="status"><strong>You're booked.</strong> A confirmation email with a calendar invitation is on its way.</div>`
    : url.searchParams.get("moved")
      ? `<div class="ok" role="status"><strong>Your booking was moved.</strong></div>`
      : "";
  const body = `${banner}<h1>${esc(cancelled ? `Cancelled: ${b.title}` : b.title)}</h1>
  <div class="card"><strong>${esc(fmtDay(b.startsAt, zone))}, ${esc(fmtTime(b.startsAt, zone))}–${esc(fmtTime(b.endsAt, zone))}</strong>
  <br><span class="muted">${esc(zoneLabel(zone))}</span><br>with ${esc(name)}${b.location ? `<br>${esc(b.location)}` : ""}</div>
  ${
    cancelled
      ? "<p>This booking is cancelled.</p>"
      : canChange
        ? `<p><a class="btn secondary" href="/book/manage/${t}/reschedule">Reschedule</a></p>
           <form method="post" action="/book/manage/${t}/cancel"><button class="btn danger" type="submit">Cancel booking</button></form>`
        : `<p class="muted">It is too late to change this booking online; please contact ${esc(name)}.</p>`
  }`;
  return page(b.title, body, { nonce: nonceOf(req) });
}

export async function cancelAction(req: Request, token: string): Promise<Response> {
  const { ctx, booking } = await resolveManageToken(await db(), token);
  await cancelBooking(ctx, booking.id, { selfService: true });
  return redirect(`/book/manage/${enc(token)}`);
}

/** /book/manage/{token}/reschedule: the same slot list (GET), then the move (POST). */
export async function reschedulePage(req: Request, token: string): Promise<Response> {
  const { ctx, booking: b } = await resolveManageToken(await db(), token);
  if (req.method === "POST") {
    const form = await readForm(req);
    try {
      await rescheduleBooking(ctx, b.id, new Date(form.get("start") ?? ""), { selfService: true });
    } catch (e) {
      if (isAppError(e) && e.code === "conflict")
        return page(
          "Taken",
          `<h1>That time was just taken</h1><p><a href="/book/manage/${enc(token)}/reschedule">Pick another time</a></p>`,
          { nonce: nonceOf(req), status: 409 },
        );
      throw e;
    }
    return redirect(`/book/manage/${enc(token)}?moved=1`);
  }
  if (!b.serviceId || b.status !== "confirmed") return managePage(req, token);
  const startParam = new URL(req.url).searchParams.get("start");
  if (startParam && DateTime.fromISO(startParam).isValid) {
    const { zone } = visitorZone(req, b.clientTimeZone ?? "UTC");
    const body = `<h1>Move to ${esc(fmtDay(startParam, zone))}, ${esc(fmtTime(startParam, zone))}?</h1><p class="muted">${esc(zoneLabel(zone))}</p>
      <form method="post"><input type="hidden" name="start" value="${esc(startParam)}"><button class="btn" type="submit">Move my booking</button></form>
      <p><a href="/book/manage/${enc(token)}/reschedule">← Other times</a></p>`;
    return page("Reschedule", body, { nonce: nonceOf(req) });
  }
  return slotList(
    req,
    ctx,
    {
      handle: "",
      serviceId: b.serviceId,
      title: `Reschedule ${b.title}`,
      back: `/book/manage/${enc(token)}`,
      action: (start) => `/book/manage/${enc(token)}/reschedule?start=${enc(start)}`,
    },
    b.id,
  );
}
