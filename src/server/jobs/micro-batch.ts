/**
 * Group commit for bookkeeping: calls made while a flush is in flight wait and go out
 * together in the next one (one SQL statement for many jobs). Under load batches grow by
 * themselves; when idle a call is flushed on the next tick.
 */
export function microBatch<I, O>(flush: (items: I[]) => Promise<O[]>, max = 500): (item: I) => Promise<O> {
  type Pending = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  let pending: Pending[] = [];
  let inFlight = false;
  let scheduled = false;

  const run = () => {
    scheduled = false;
    if (inFlight || pending.length === 0) return;
    inFlight = true;
    const batch = pending.slice(0, max);
    pending = pending.slice(max);
    flush(batch.map((p) => p.item))
      .then(
        (out) => batch.forEach((p, i) => p.resolve(out[i]!)),
        (e: unknown) => batch.forEach((p) => p.reject(e)),
      )
      .finally(() => {
        inFlight = false;
        if (pending.length > 0) run();
      });
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (!scheduled && !inFlight) {
        scheduled = true;
        setImmediate(run);
      }
    });
}
