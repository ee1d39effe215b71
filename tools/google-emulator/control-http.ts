// /__emulator/* — the control API over HTTP for other processes (e2e, demo).
// POST /__emulator/{method} with {"args":[...]} (or a bare JSON array);
// GET /__emulator/stats, /__emulator/accounts, /__emulator/corpus?email=, /__emulator/health.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorControl } from "./control";
import { CONTROL_ARGS, type ControlMethod } from "./control-schemas";
import { readJson, sendJson } from "./http-utils";

const GETTERS: Record<string, (c: EmulatorControl, url: URL) => unknown> = {
  health: () => ({ ok: true }),
  stats: (c) => c.stats(),
  accounts: (c) => c.listAccounts(),
  corpus: (c, url) => c.describeCorpus(url.searchParams.get("email") ?? undefined),
};

export async function handleControl(
  control: EmulatorControl,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const name = url.pathname.slice("/__emulator/".length);
  const getter = GETTERS[name];
  if (req.method === "GET" && getter) return sendJson(res, 200, getter(control, url));
  if (req.method !== "POST" || !(name in CONTROL_ARGS))
    return sendJson(res, 404, { error: `unknown control call ${req.method} ${url.pathname}` });
  const body = await readJson(req);
  const args = Array.isArray(body) ? body : ((body as { args?: unknown }).args ?? []);
  const parsed = CONTROL_ARGS[name as ControlMethod].safeParse(args);
  if (!parsed.success) return sendJson(res, 400, { error: "invalid arguments", issues: parsed.error.issues });
  try {
    const fn = control[name as ControlMethod] as (...a: unknown[]) => unknown;
    const result: unknown = await fn(...(parsed.data as unknown[]));
    sendJson(res, 200, { result: result ?? null });
  } catch (err) {
    sendJson(res, 400, { error: err instanceof Error ? err.message : String(err) });
  }
}
