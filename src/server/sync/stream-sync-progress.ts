import type { Ctx } from "../context";
import { listJobs } from "../jobs/list-jobs";
import { getSyncStatus } from "./get-sync-status";
import { listBatches } from "./list-batches";

/** How often the stream looks while something imports, and otherwise. */
export const PROGRESS_BUSY_MS = 2_000;
export const PROGRESS_IDLE_MS = 10_000;
/** One connection lives this long; the browser's EventSource then reconnects (one request). */
export const PROGRESS_STREAM_MS = 5 * 60_000;

const SYNC_KINDS = ["google_", "normalize_"];

async function snapshot(ctx: Ctx) {
  const [status, batches, jobs] = await Promise.all([
    getSyncStatus(ctx),
    listBatches(ctx),
    listJobs(ctx, { limit: 10 }),
  ]);
  const busy =
    ["importing", "retrying"].includes(status.providers.gmail.state) ||
    ["importing", "retrying"].includes(status.providers.calendar.state) ||
    status.jobs.queued + status.jobs.running > 0;
  const items = jobs.items.filter((j) => SYNC_KINDS.some((k) => j.kind.startsWith(k)));
  return { busy, data: { status, batches: { items: batches }, jobs: { items } } };
}

/**
 * The sync page's progress as server-sent events: what the page used to poll three
 * endpoints for (2 s apart during an import, tripping the per-user rate limit), sent as
 * one `snapshot` event whenever it changes, over one request per connection.
 */
export function streamSyncProgress(
  ctx: Ctx,
  opts: { signal?: AbortSignal } = {},
): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const started = Date.now();
  let last = "";
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (s: string) => {
        if (closed) return;
        try {
          controller.enqueue(enc.encode(s));
        } catch {
          closed = true;
        }
      };
      const finish = () => {
        if (closed) return;
        closed = true;
        if (timer) clearTimeout(timer);
        try {
          controller.close();
        } catch {
          // already closed by the reader
        }
      };
      opts.signal?.addEventListener("abort", finish);
      write("retry: 3000\n\n");
      const tick = async () => {
        if (closed) return;
        let busy = false;
        try {
          const s = await snapshot(ctx);
          busy = s.busy;
          const json = JSON.stringify(s.data);
          if (json !== last) write(`event: snapshot\ndata: ${json}\n\n`);
          else write(": keep-alive\n\n");
          last = json;
        } catch (err) {
          ctx.log.warn({ err }, "sync progress snapshot failed");
          write(`event: problem\ndata: {"error":"snapshot_failed"}\n\n`);
        }
        if (Date.now() - started > PROGRESS_STREAM_MS) return finish();
        timer = setTimeout(() => void tick(), busy ? PROGRESS_BUSY_MS : PROGRESS_IDLE_MS);
      };
      void tick();
    },
    cancel() {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  });
}
