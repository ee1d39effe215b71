/**
 * Coalesces calls made in the same tick into one flush (one SQL statement for many jobs):
 * per-job bookkeeping then costs a fraction of a round trip at high concurrency.
 */
export function microBatch<I, O>(flush: (items: I[]) => Promise<O[]>, max = 200): (item: I) => Promise<O> {
  let pending: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;
  const run = () => {
    scheduled = false;
    const batch = pending.splice(0, max);
    if (pending.length > 0) schedule();
    flush(batch.map((p) => p.item)).then(
      (out) => batch.forEach((p, i) => p.resolve(out[i]!)),
      (e: unknown) => batch.forEach((p) => p.reject(e)),
    );
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(run);
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (pending.length >= max) {
        const batch = pending;
        pending = [];
        flush(batch.map((p) => p.item)).then(
          (out) => batch.forEach((p, i) => p.resolve(out[i]!)),
          (e: unknown) => batch.forEach((p) => p.reject(e)),
        );
      } else schedule();
    });
}
