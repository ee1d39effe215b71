import { randomUUID } from "node:crypto";
import type { Ctx } from "../../context";
import type { DbHandle } from "../../db/client";
import { CALENDAR_EVENTS_SCOPE } from "../../google/scopes";
import { saveTokens } from "../../google/token-store";
import type { JobCtx } from "../../jobs/define-job";
import { rootLog } from "../../log";
import { createTestUser } from "../../testing/test-db";
import type { Emulator } from "../../../../tools/google-emulator/server";
import { DEFAULT_SCOPES } from "../../../../tools/google-emulator/oauth/scopes";
import { createService } from "../create-service";
import { updateAvailability } from "../update-availability";
import type { Service } from "../schemas";

export type Practitioner = { ctx: Ctx; account: string | null; handle: string; service: Service };

/**
 * A practitioner with a booking page (UTC, open every day 08:00–18:00, no notice, hourly
 * slots) and a 60-minute service; with `emu`, their calendar is connected with the
 * calendar.events permission booking asks for.
 */
export async function practitioner(
  h: DbHandle,
  emu?: Emulator,
  opts: { buffers?: boolean } = {},
): Promise<Practitioner> {
  const user = await createTestUser(h);
  const ctx: Ctx = { db: h.db, userId: user.id, log: rootLog() };
  let account: string | null = null;
  if (emu) {
    account = `prac-${randomUUID().slice(0, 8)}@example.com`;
    emu.control.addAccount(account, { calendar: { events: 0 } });
    const t = emu.control.mintTokens(account, { scope: [...DEFAULT_SCOPES, CALENDAR_EVENTS_SCOPE] });
    await saveTokens(ctx, "calendar", {
      accessToken: t.access_token,
      refreshToken: t.refresh_token ?? null,
      expiresAt: new Date(Date.now() + t.expires_in * 1000),
      grantedScopes: t.scope.split(" "),
      accountEmail: account,
    });
  }
  const handle = `p-${randomUUID().slice(0, 12)}`;
  const day = [{ start: "08:00", end: "18:00" }];
  await updateAvailability(ctx, {
    handle,
    enabled: true,
    displayName: "Maya Fields",
    timeZone: "UTC",
    weeklyHours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
    minNoticeMinutes: 0,
    slotStepMinutes: 60,
    cancelWindowMinutes: 60,
  });
  const service = await createService(ctx, {
    name: "Massage",
    durationMinutes: 60,
    bufferAfterMinutes: opts.buffers ? 30 : 0,
    location: "12 Garden Lane",
    locationType: "address",
  });
  return { ctx, account, handle, service };
}

export function jobCtx(ctx: Ctx, kind: string): JobCtx {
  return {
    ...ctx,
    jobId: randomUUID(),
    batchId: null,
    kind,
    attempt: 1,
    maxAttempts: 1,
    signal: new AbortController().signal,
    reportProgress: async () => undefined,
  };
}

/** Tomorrow (UTC) at `hour`:00, as an ISO instant. */
export function tomorrowAt(hour: number, days = 1): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
}
