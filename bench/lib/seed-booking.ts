// A practitioner for the booking benchmark: booking page open weekdays in Europe/London,
// one 50-minute service, `bookings` confirmed bookings in the database and `googleEvents`
// busy events in their Google Calendar (the emulator, in this process), all within 60 days.
import { randomUUID } from "node:crypto";
import { resetEnvCache } from "../../src/lib/env";
import type { Ctx } from "../../src/server/context";
import type { DbHandle } from "../../src/server/db/client";
import { bookings } from "../../src/server/db/schema/booking";
import { withUser } from "../../src/server/db/with-user";
import { CALENDAR_EVENTS_SCOPE } from "../../src/server/google/scopes";
import { saveTokens } from "../../src/server/google/token-store";
import { rootLog } from "../../src/server/log";
import { createService } from "../../src/server/booking/create-service";
import { updateAvailability } from "../../src/server/booking/update-availability";
import type { Service } from "../../src/server/booking/schemas";
import { emulatorAppEnv } from "../../tools/google-emulator/app-env";
import { DEFAULT_SCOPES } from "../../tools/google-emulator/oauth/scopes";
import { startGoogleEmulator, type Emulator } from "../../tools/google-emulator/server";
import { benchUser } from "./setup";

const DAY = 86_400_000;
const HOUR = 3_600_000;

export async function startBenchEmulator(): Promise<Emulator> {
  const emu = await startGoogleEmulator({ seed: 11 });
  Object.assign(process.env, {
    ...emulatorAppEnv(emu),
    GOOGLE_QUOTA_UNITS_PER_MINUTE: "1000000",
    APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY ?? "bench-encryption-key-0123456789abcdef01234",
  });
  resetEnvCache();
  return emu;
}

export async function seedBookingPractitioner(
  h: DbHandle,
  emu: Emulator,
  n: { bookings: number; googleEvents: number },
): Promise<{ ctx: Ctx; handle: string; service: Service }> {
  const ctx: Ctx = { db: h.db, userId: await benchUser(h, "booking"), log: rootLog() };
  const account = `bench-${randomUUID().slice(0, 8)}@example.com`;
  emu.control.addAccount(account, { calendar: { events: 0 } });
  const t = emu.control.mintTokens(account, { scope: [...DEFAULT_SCOPES, CALENDAR_EVENTS_SCOPE] });
  await saveTokens(ctx, "calendar", {
    accessToken: t.access_token,
    refreshToken: t.refresh_token ?? null,
    expiresAt: new Date(Date.now() + t.expires_in * 1000),
    grantedScopes: t.scope.split(" "),
    accountEmail: account,
  });
  const handle = `bench-${randomUUID().slice(0, 12)}`;
  const day = [
    { start: "08:00", end: "12:00" },
    { start: "13:00", end: "19:00" },
  ];
  await updateAvailability(ctx, {
    handle,
    enabled: true,
    timeZone: "Europe/London",
    weeklyHours: {
      mon: day,
      tue: day,
      wed: day,
      thu: day,
      fri: day,
      sat: [{ start: "09:00", end: "13:00" }],
    },
    minNoticeMinutes: 240,
    maxDaysAhead: 60,
    slotStepMinutes: 15,
    dailyCap: 8,
  });
  const service = await createService(ctx, {
    name: "Massage",
    durationMinutes: 50,
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 10,
    location: "12 Garden Lane",
    locationType: "address",
  });
  let x = 7;
  const rnd = () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const now = Date.now();
  // Bookings never overlap (the database refuses it): one an hour from tomorrow 09:00 UTC.
  const first = Math.ceil(now / DAY) * DAY + 9 * HOUR;
  const rows = Array.from({ length: n.bookings }, (_, i) => {
    const start = first + Math.floor(i / 6) * DAY + (i % 6) * 90 * 60_000;
    const end = start + 50 * 60_000;
    return {
      userId: ctx.userId,
      title: "Massage",
      startsAt: new Date(start),
      endsAt: new Date(end),
      blockedFrom: new Date(start - 10 * 60_000),
      blockedUntil: new Date(end + 10 * 60_000),
      clientName: `Client ${i}`,
    };
  });
  if (rows.length) await withUser(ctx, (tx) => tx.insert(bookings).values(rows));
  for (let i = 0; i < n.googleEvents; i++) {
    const start = now + Math.floor(rnd() * 60 * DAY);
    const end = start + (15 + Math.floor(rnd() * 8) * 15) * 60_000;
    emu.control.addEvent(account, {
      summary: `Busy ${i}`,
      start: { dateTime: new Date(start).toISOString() },
      end: { dateTime: new Date(end).toISOString() },
    });
  }
  return { ctx, handle, service };
}
