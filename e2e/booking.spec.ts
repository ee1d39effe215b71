import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { authedClients } from "../tools/google-emulator/test-clients";
import { spec } from "./lib";

const PASSWORD = "booking e2e password";

async function apiCall(page: Page, method: "POST" | "PUT", path: string, body: unknown) {
  const csrf = (await page.context().cookies()).find((c) => c.name === "csrf")?.value ?? "";
  const res = await page.request.fetch(path, {
    method,
    data: body,
    headers: { "x-csrf-token": decodeURIComponent(csrf) },
  });
  assert.ok(res.ok(), `${method} ${path} → ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { data: Record<string, unknown> }).data;
}

async function until<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  ms = 30_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const decoded = (data: string) =>
  data
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

export default [
  spec(
    "a client books on a phone, gets the ICS, reschedules and cancels; the practitioner sees it all",
    async ({ page, context, server, google, smtp, screenshot }) => {
      // The practitioner: signs up, lets OmniCRM add events to Google Calendar, opens a page.
      await page.goto("/signup");
      await page.fill("#email", `prac-${randomUUID().slice(0, 8)}@test.local`);
      await page.fill("#password", PASSWORD);
      await page.click("button[type=submit]");
      await page.waitForURL((u) => u.pathname === "/");
      await page.goto("/bookings");
      await page.getByRole("link", { name: "Allow OmniCRM to add events" }).click();
      await page.waitForURL((u) => u.href.startsWith(google.url));
      await page.getByRole("button", { name: "Allow" }).click();
      await page.waitForURL((u) => u.pathname === "/settings/sync");
      const handle = `maya-${randomUUID().slice(0, 8)}`;
      const day = [{ start: "08:00", end: "20:00" }];
      await apiCall(page, "PUT", "/api/v1/availability", {
        handle,
        enabled: true,
        displayName: "Maya Fields",
        timeZone: "UTC",
        minNoticeMinutes: 0,
        slotStepMinutes: 60,
        cancelWindowMinutes: 0,
        weeklyHours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
      });
      await apiCall(page, "POST", "/api/v1/services", {
        name: "Massage",
        durationMinutes: 60,
        location: "12 Garden Lane",
        locationType: "address",
      });
      await page.goto("/bookings");
      await page.getByTestId("booking-settings").getByText(`/book/${handle}`).waitFor();
      await screenshot("practitioner-settings");

      // The client, on a phone, in another browser: service → time → details → confirmed.
      const phone = await context.browser()!.newContext({
        baseURL: server.url,
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        timezoneId: "Europe/Lisbon",
      });
      const client = await phone.newPage();
      await client.goto(`/book/${handle}`);
      await client.getByRole("heading", { name: "Book with Maya Fields" }).waitFor();
      await client.getByRole("link", { name: /Massage/ }).click();
      await client.getByText("Times in Europe/Lisbon").waitFor();
      const slots = client.locator("a.slot");
      await slots.nth(3).click();
      const email = `ana-${randomUUID().slice(0, 8)}@example.com`;
      await client.fill("#name", "Ana Silva");
      await client.fill("#email", email);
      await client.fill("#phone", "+351 912 345 678");
      await client.check("input[name=consent]");
      await client.getByRole("button", { name: "Confirm booking" }).click();
      await client
        .getByText("You're booked.")
        .waitFor()
        .catch(async (e: unknown) => {
          await client.screenshot({ path: "test-results/booking-client-FAILED.png", fullPage: true });
          const errs = server
            .logs()
            .filter((l) => Number(l.level) >= 40)
            .slice(-5);
          throw new Error(`${String(e)}\nserver: ${JSON.stringify(errs).slice(0, 3000)}`);
        });
      await client.screenshot({ path: "test-results/booking-client-confirmed.png", fullPage: true });
      const token = new URL(client.url()).pathname.split("/").pop()!;
      const bookingId = token.split(".")[0]!;
      const eventId = bookingId.replace(/-/g, "");

      // The confirmation (with its invitation) reaches the SMTP sink; the event is in Google.
      const mailsTo = () => smtp.mails.filter((m) => m.to.join().includes(email)).map((m) => decoded(m.data));
      const confirmation = await until("the confirmation", async () => mailsTo()[0]);
      assert.match(confirmation, /Subject: Booked: Massage with Maya Fields/);
      assert.match(confirmation, /text\/calendar/);
      assert.match(confirmation, /BEGIN:VEVENT/);
      assert.match(confirmation, /Content-Disposition: attachment; filename=booking\.ics/);
      assert.ok(confirmation.includes(`/book/manage/${token}`));
      const { calendar } = authedClients(google, google.defaultAccount);
      const event = await until("the Google event", async () =>
        calendar.events.get({ calendarId: "primary", eventId }).then(
          (r) => r.data,
          () => null,
        ),
      );
      assert.deepEqual(
        event.attendees?.map((a) => a.email),
        [email],
      );
      const firstStart = Date.parse(event.start!.dateTime!);

      // Reschedule from the link: another time, and the event moves.
      await client.getByRole("link", { name: "Reschedule" }).click();
      await client.locator("a.slot").nth(5).click();
      await client.getByRole("button", { name: "Move my booking" }).click();
      await client.getByText("Your booking was moved.").waitFor();
      await until("the moved event", async () => {
        const r = await calendar.events.get({ calendarId: "primary", eventId });
        return Date.parse(r.data.start!.dateTime!) !== firstStart;
      });
      await until("the move mail", async () => mailsTo().some((m) => m.includes("Subject: Moved: Massage")));

      // Cancel: the event is deleted and the client told.
      await client.getByRole("button", { name: "Cancel booking" }).click();
      await client.getByText("This booking is cancelled.").waitFor();
      await until("the deleted event", async () => {
        const r = await calendar.events.get({ calendarId: "primary", eventId });
        return r.data.status === "cancelled";
      });
      await until("the cancellation mail", async () => mailsTo().some((m) => m.includes("METHOD:CANCEL")));
      await phone.close();

      // The practitioner finds the new contact with the session on the timeline.
      const found = await page.request.get(`/api/v1/contacts?q=${encodeURIComponent(email)}`);
      const list = (await found.json()) as { data: { items: { id: string; source: string }[] } };
      const contact = list.data.items[0]!;
      assert.equal(contact.source, "booking");
      await page.goto(`/contacts/${contact.id}`);
      await page.getByText("Cancelled: Massage").first().waitFor();
      await screenshot("contact-timeline");
      await page.getByRole("tab", { name: "Bookings" }).click();
      await page.getByTestId("contact-bookings").getByText("(cancelled)").waitFor();
    },
  ),
  spec(
    "the practitioner sets a day off by keyboard and it closes that day's times",
    async ({ page, screenshot }) => {
      await page.goto("/signup");
      await page.fill("#email", `days-${randomUUID().slice(0, 8)}@test.local`);
      await page.fill("#password", PASSWORD);
      await page.click("button[type=submit]");
      await page.waitForURL((u) => u.pathname === "/");
      const handle = `days-${randomUUID().slice(0, 8)}`;
      const day = [{ start: "08:00", end: "20:00" }];
      await apiCall(page, "PUT", "/api/v1/availability", {
        handle,
        enabled: true,
        timeZone: "UTC",
        minNoticeMinutes: 0,
        weeklyHours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
      });
      const service = await apiCall(page, "POST", "/api/v1/services", {
        name: "Massage",
        durationMinutes: 60,
        locationType: "none",
      });
      const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
      const slotsOn = async (date: string) => {
        const q = `serviceId=${String(service.id)}&from=${date}T00:00:00Z&to=${date}T23:59:00Z`;
        const r = await page.request.get(`/api/v1/public/${handle}/slots?${q}`);
        return ((await r.json()) as { data: { slots: unknown[] } }).data.slots.length;
      };
      const off = inDays(3);
      assert.ok((await slotsOn(off)) > 0);

      await page.goto("/bookings");
      const card = page.getByTestId("date-overrides");
      await card.getByText("No days off or extra days coming up.").waitFor();
      // Keyboard only: the date field, then Enter adds it as a day off (ticked by default).
      await card.getByLabel("Date").focus();
      await page.keyboard.type(off.slice(5, 7) + off.slice(8, 10) + off.slice(0, 4));
      await page.keyboard.press("Enter");
      await card
        .getByRole("list", { name: "Upcoming days off and extra days" })
        .getByText("Day off")
        .waitFor();
      assert.equal(await slotsOn(off), 0);
      // Without Google Calendar connected, the busy-calendar card says what would count.
      await page.getByTestId("busy-calendars").getByText("Connect Google Calendar").waitFor();
      await screenshot("date-overrides");
      // Removing it gives the day back.
      await card.getByRole("button", { name: `Remove ${off}` }).click();
      await card.getByText("No days off or extra days coming up.").waitFor();
      assert.ok((await slotsOn(off)) > 0);
    },
  ),
];
