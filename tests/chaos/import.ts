import { createHash, randomUUID } from "node:crypto";
import type { Emulator } from "../../tools/google-emulator/server";
import { TestClient } from "../http/client";
import { TEST_PASSWORD } from "../http/harness";

/** Every chaos account gets the same mailbox and calendar, so every run must import the same. */
// One fixed "now" too: message ids and dates derive from it, and accounts are added minutes apart.
const CORPUS_NOW = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
/** Gmail imports 500 message ids per page, one chunk (transaction + checkpoint) per page. */
export const GMAIL_PAGE = 500;
// Two Gmail pages: a fault lands once the first chunk is committed, with the second page
// (and the whole Calendar import, queued behind it) still to come.
export const ACCOUNT_SPEC = {
  seed: 4242,
  mailbox: { messages: 900, now: CORPUS_NOW },
  calendar: { events: 40, now: CORPUS_NOW },
};
/**
 * Emulator latency per Google API call for the chaos runs. With 16 messages fetched at once,
 * the second page alone then takes ≥ 25 × 100 ms after the first chunk lands: the fault
 * always finds the import running, however fast the machine.
 */
export const API_LATENCY_MS = 100;

export type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export async function signUp(url: string): Promise<TestClient & { userId: string }> {
  const c = new TestClient(url);
  const r = await c.post<{ data: { user: { id: string } } }>("/api/v1/auth/sign-up", {
    email: `chaos-${randomUUID()}@test.local`,
    password: TEST_PASSWORD,
  });
  if (r.status !== 200) throw new Error(`sign-up failed: ${r.status} ${r.text}`);
  return Object.assign(c, { userId: r.json.data.user.id });
}

/** Connect → Google consent (emulator) → callback, as a browser would, for one service. */
async function connect(c: TestClient, emu: Emulator, account: string, scope: "gmail" | "calendar") {
  const start = await c.get(`/api/v1/google/oauth?scope=${scope}`);
  if (start.status !== 302) throw new Error(`oauth start: ${start.status} ${start.text}`);
  const consent = await fetch(start.headers.get("location")!);
  const requestId = /name="request_id" value="([^"]+)"/.exec(await consent.text())?.[1];
  if (!requestId) throw new Error("no consent form");
  const decided = await fetch(`${emu.url}/o/oauth2/v2/auth/decision`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ request_id: requestId, email: "", email_other: account, decision: "allow" }),
    redirect: "manual",
  });
  const back = new URL(decided.headers.get("location")!);
  const cb = await c.get(`${back.pathname}${back.search}`);
  if (cb.status >= 400) throw new Error(`oauth callback: ${cb.status} ${cb.text}`);
}

/** A new user with Gmail and Calendar connected to a fresh emulator account (same content every time). */
export async function connectedUser(url: string, emu: Emulator) {
  const c = await signUp(url);
  const account = `chaos-${randomUUID().slice(0, 8)}@example.com`;
  emu.control.addAccount(account, ACCOUNT_SPEC);
  await connect(c, emu, account, "gmail");
  await connect(c, emu, account, "calendar");
  // "anyone": with "engaged", which contacts exist (and so which links are made) depends on
  // whether Gmail or Calendar imports first, and a fault legitimately reorders the two.
  const prefs = await c.put("/api/v1/settings/sync/prefs", {
    gmailQuery: "",
    gmailLabelExcludes: [],
    contactCreationPolicy: "anyone",
  });
  if (prefs.status !== 200) throw new Error(`prefs: ${prefs.status} ${prefs.text}`);
  return c;
}

async function approve(c: TestClient, service: "gmail" | "calendar"): Promise<void> {
  const r = await c.post(`/api/v1/sync/approve/${service}`, {});
  if (r.status !== 200) throw new Error(`approve ${service}: ${r.status} ${r.text}`);
}

/**
 * Approves the Gmail import, then — once it runs — the Calendar one (the review screen's two
 * buttons). With one job per user at a time the Calendar job then waits behind Gmail's, in
 * Redis (BullMQ) or in the jobs table (embedded): always the same state for a fault to hit.
 */
export async function approveImports(
  c: TestClient,
  batches: () => Promise<BatchView[] | null>,
): Promise<void> {
  await approve(c, "gmail");
  const deadline = Date.now() + 180_000;
  for (;;) {
    const gmail = ((await batches().catch(() => null)) ?? []).find((b) => b.provider === "gmail");
    if (gmail && gmail.status !== "queued") break;
    if (Date.now() > deadline) throw new Error("the Gmail import never started");
    await new Promise((r) => setTimeout(r, 100));
  }
  await approve(c, "calendar");
}

/** Open = not yet finished (queued, running, retrying); the import is over when none is left. */
export async function jobCounts(q: Query, userId: string) {
  const [r] = await q(
    `SELECT count(*) FILTER (WHERE status IN ('queued', 'running', 'error'))::int AS open,
       count(*) FILTER (WHERE status = 'dead')::int AS dead, count(*)::int AS total,
       (SELECT count(*)::int FROM sync_batches WHERE user_id = $1 AND status IN ('queued', 'importing')) AS batches
     FROM jobs WHERE user_id = $1`,
    [userId],
  );
  return r as { open: number; dead: number; total: number; batches: number };
}

export type BatchView = { provider: string; status: string; counts: Record<string, unknown> };

/**
 * Waits until the Gmail import has committed its first chunk while the rest is still to
 * come: the moment each fault lands. Throws when the import got past that point unseen
 * (the fault would find nothing running).
 */
export async function waitFirstChunk(
  batches: () => Promise<BatchView[] | null>,
  timeoutMs = 180_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let failure = "";
  for (;;) {
    const list =
      (await batches().catch((e: unknown) => {
        failure = String(e); // the server may be busy; say why if it never answers
        return null;
      })) ?? [];
    const gmail = list.find((b) => b.provider === "gmail");
    const calendar = list.find((b) => b.provider === "calendar");
    const done = Number(gmail?.counts.done ?? 0);
    if (gmail?.status === "done" || (calendar && calendar.status !== "queued"))
      throw new Error(`the import got past its first chunk unseen: ${JSON.stringify(list)}`);
    if (gmail?.status === "importing" && done >= GMAIL_PAGE) return;
    if (Date.now() > deadline)
      throw new Error(`no first chunk within ${timeoutMs} ms: ${JSON.stringify(list)} ${failure}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The user's import batches, from the database. */
export const batchesOf = (q: Query, userId: string) => async () =>
  (await q(`SELECT provider, status, counts FROM sync_batches WHERE user_id = $1`, [userId])) as BatchView[];

/** When the user's last job finished (ms since epoch), or 0. */
export async function lastFinished(q: Query, userId: string): Promise<number> {
  const [r] = await q(`SELECT max(finished_at) AS t FROM jobs WHERE user_id = $1`, [userId]);
  return r?.t ? new Date(r.t as string | Date).getTime() : 0;
}

/** Waits until the user's import is over; returns when (ms since epoch). */
export async function waitImported(q: Query, userId: string, timeoutMs = 240_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const c = await jobCounts(q, userId);
      if (c.total >= 2 && c.open === 0 && c.batches === 0) return Date.now();
    } catch {
      // the database may be down right now
    }
    if (Date.now() > deadline) throw new Error(`import not finished within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** What an import produced, by value (ids differ between runs). */
export type Snapshot = {
  contacts: string[];
  interactions: string[];
  links: string[];
  counts: { contacts: number; interactions: number; links: number; deadJobs: number };
};

export async function snapshot(q: Query, userId: string): Promise<Snapshot> {
  // A contact is named by its smallest email; its owner's own address never differs the sets
  // because every account's corpus is generated from the same seed.
  const contacts = await q(
    `SELECT coalesce(min(i.value_normalized), 'name:' || c.display_name) AS k FROM contacts c
       LEFT JOIN contact_identities i ON i.contact_id = c.id AND i.kind = 'email'
     WHERE c.user_id = $1 GROUP BY c.id, c.display_name`,
    [userId],
  );
  const interactions = await q(
    `SELECT source || ':' || source_id AS k FROM interactions WHERE user_id = $1`,
    [userId],
  );
  const links = await q(
    `SELECT i.source || ':' || i.source_id || '>' || coalesce(min(ci.value_normalized), '?') AS k
       FROM interaction_contacts l JOIN interactions i ON i.id = l.interaction_id
       LEFT JOIN contact_identities ci ON ci.contact_id = l.contact_id AND ci.kind = 'email'
     WHERE l.user_id = $1 GROUP BY l.interaction_id, l.contact_id, i.source, i.source_id`,
    [userId],
  );
  const [dead] = await q(`SELECT count(*)::int AS n FROM jobs WHERE user_id = $1 AND status = 'dead'`, [
    userId,
  ]);
  const keys = (rows: Record<string, unknown>[]) => rows.map((r) => String(r.k)).sort();
  const s = { contacts: keys(contacts), interactions: keys(interactions), links: keys(links) };
  return {
    ...s,
    counts: {
      contacts: s.contacts.length,
      interactions: s.interactions.length,
      links: s.links.length,
      deadJobs: Number(dead?.n ?? 0),
    },
  };
}

/** Lost = in the undisturbed run but not here; duplicated = extra rows here (same key twice or new). */
export function compare(base: Snapshot, got: Snapshot) {
  const diff = (a: string[], b: string[]) => {
    const have = new Map<string, number>();
    for (const k of b) have.set(k, (have.get(k) ?? 0) + 1);
    let lost = 0;
    for (const k of a) {
      const n = have.get(k) ?? 0;
      if (n === 0) lost++;
      else have.set(k, n - 1);
    }
    const duplicated = [...have.values()].reduce((s, n) => s + n, 0);
    return { lost, duplicated };
  };
  return {
    contacts: diff(base.contacts, got.contacts),
    interactions: diff(base.interactions, got.interactions),
    links: diff(base.links, got.links),
  };
}

/** The keys behind a compare() that is not clean: what is missing, what is extra. */
export function differences(base: Snapshot, got: Snapshot) {
  const minus = (a: string[], b: string[]) => {
    const left = new Map<string, number>();
    for (const k of b) left.set(k, (left.get(k) ?? 0) + 1);
    const out: string[] = [];
    for (const k of a) {
      const n = left.get(k) ?? 0;
      if (n === 0) out.push(k);
      else left.set(k, n - 1);
    }
    return out.slice(0, 20);
  };
  return {
    missing: {
      contacts: minus(base.contacts, got.contacts),
      interactions: minus(base.interactions, got.interactions),
      links: minus(base.links, got.links),
    },
    extra: {
      contacts: minus(got.contacts, base.contacts),
      interactions: minus(got.interactions, base.interactions),
      links: minus(got.links, base.links),
    },
  };
}

export const digest = (s: Snapshot) =>
  createHash("sha256")
    .update(JSON.stringify([s.contacts, s.interactions, s.links]))
    .digest("hex")
    .slice(0, 12);
