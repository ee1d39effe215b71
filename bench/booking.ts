// Slots for the public booking page, 60 days ahead with 500 busy events, in a DST zone:
// a) the pure slot generator with the busy list given; b) the whole public slots operation
// (`listPublicSlots`: service, settings, bookings from the database, Google free/busy from
// the emulator over loopback, slot generation) with 100 bookings and 400 Google events.
import { cpus, loadavg } from "node:os";
import { generateSlots, type Interval, type SlotRules } from "../src/server/booking/generate-slots";
import { findSlots } from "../src/server/booking/find-slots";
import { bookingTimeZone, loadSettings } from "../src/server/booking/get-availability";
import { listPublicSlots } from "../src/server/booking/list-public-slots";
import { resolveHandle } from "../src/server/booking/resolve-handle";
import { benchMode, report } from "./lib/report";
import { seedBookingPractitioner, startBenchEmulator } from "./lib/seed-booking";
import { openBenchDb } from "./lib/setup";
import { summarize, timeEach } from "./lib/stats";

const DAY = 86_400_000;
const RUNS = 300;
const OPERATION_RUNS = 200;

function busyEvents(now: number, n: number, seed = 7): Interval[] {
  let x = seed;
  const rnd = () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, () => {
    const start = now + Math.floor(rnd() * 60 * DAY);
    return { start, end: start + (15 + Math.floor(rnd() * 8) * 15) * 60_000 };
  });
}

const day = [
  { start: "08:00", end: "12:00" },
  { start: "13:00", end: "19:00" },
];
const rules: SlotRules = {
  timeZone: "Europe/London",
  weeklyHours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [{ start: "09:00", end: "13:00" }] },
  overrides: [{ date: "2027-01-01", ranges: [] }],
  durationMin: 50,
  bufferBeforeMin: 10,
  bufferAfterMin: 10,
  stepMin: 15,
  minNoticeMin: 240,
  maxDaysAhead: 60,
  dailyCap: 8,
};

function measure(nBusy: number): { p50: number; p95: number; slots: number } {
  const now = Date.parse("2026-10-01T06:00:00Z"); // spans the October DST change
  const busy = busyEvents(now, nBusy);
  const bookedStarts = busy.slice(0, Math.floor(nBusy / 5)).map((b) => b.start);
  const q = { now, from: now, to: now + 60 * DAY, busy, bookedStarts };
  let slots = 0;
  for (let i = 0; i < 20; i++) slots = generateSlots(rules, q).length; // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    generateSlots(rules, q);
    times.push(performance.now() - t);
  }
  const s = summarize(times);
  return { p50: s.p50, p95: s.p95, slots };
}

type OpFigures = { p50: number; p95: number; slots: number };

/** The public slots view (free/busy may be ≤ 30 s old) and the same window asking Google afresh. */
async function measureOperation(): Promise<{ view: OpFigures; fresh: OpFigures }> {
  const h = await openBenchDb();
  const emu = await startBenchEmulator();
  try {
    const p = await seedBookingPractitioner(h, emu, { bookings: 100, googleEvents: 400 });
    const ctx = await resolveHandle(h.db, p.handle);
    const q = { serviceId: p.service.id, to: new Date(Date.now() + 61 * DAY).toISOString() };
    const run = async (fn: () => Promise<number>): Promise<OpFigures> => {
      let slots = 0;
      for (let i = 0; i < 10; i++) slots = await fn(); // warm-up
      const s = summarize(await timeEach(OPERATION_RUNS, fn));
      return { p50: s.p50, p95: s.p95, slots };
    };
    const view = await run(async () => (await listPublicSlots(ctx, q)).slots.length);
    const s = await loadSettings(ctx);
    const zone = await bookingTimeZone(ctx, s);
    const fresh = await run(
      async () =>
        (await findSlots(ctx, s, zone, p.service, { from: Date.now(), to: Date.now() + 61 * DAY })).length,
    );
    return { view, fresh };
  } finally {
    await emu.close();
    await h.close();
  }
}

const load0 = loadavg()[0]!;
const base = measure(0);
const full = measure(500);
const op = await measureOperation();
const load1 = loadavg()[0]!;
report({
  bench: "booking: slots, 60 days ahead",
  mode: benchMode(),
  rows: [
    {
      what: "generateSlots",
      busy_events: 0,
      slots: base.slots,
      p50_ms: base.p50,
      p95_ms: base.p95,
      ratio_p95: 1,
    },
    {
      what: "generateSlots",
      busy_events: 500,
      slots: full.slots,
      p50_ms: full.p50,
      p95_ms: full.p95,
      ratio_p95: full.p95 / base.p95,
    },
    {
      what: "listPublicSlots (view; free/busy ≤ 30 s old)",
      busy_events: 500,
      slots: op.view.slots,
      p50_ms: op.view.p50,
      p95_ms: op.view.p95,
      ratio_p95: op.view.p95 / base.p95,
    },
    {
      what: "findSlots, fresh free/busy (as booking)",
      busy_events: 500,
      slots: op.fresh.slots,
      p50_ms: op.fresh.p50,
      p95_ms: op.fresh.p95,
      ratio_p95: op.fresh.p95 / base.p95,
    },
  ],
  bars: [
    {
      name: "generateSlots p95 with 500 busy events (ms)",
      value: full.p95,
      bar: "≤ 30",
      pass: full.p95 <= 30,
    },
    {
      name: "listPublicSlots p95, 100 bookings + 400 Google events (ms)",
      value: op.view.p95,
      bar: "≤ 30",
      pass: op.view.p95 <= 30,
    },
  ],
  notes: [
    `generateSlots: ${RUNS} runs each after warm-up; Europe/London across the October DST change`,
    `listPublicSlots / findSlots: ${OPERATION_RUNS} sequential calls each after warm-up; 100 bookings in the db, 400 events in the emulator (this process, loopback)`,
    `load average ${load0.toFixed(1)} → ${load1.toFixed(1)} on ${cpus().length} CPUs while measuring (p95 on a busy machine is preemption)`,
  ],
});
