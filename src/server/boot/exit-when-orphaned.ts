/**
 * A child whose supervising parent was killed (SIGKILL, OOM) is re-parented and would keep
 * the port and the embedded database's lock, so a restarted `npm start` could not start.
 * It notices within a second and exits non-zero instead; the supervisor's restart then
 * starts clean (and the job runner picks up what was queued or running).
 */
export function exitWhenOrphaned(onOrphaned: (parentPid: number) => void): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onOrphaned(parent);
    process.exit(1);
  }, 1000);
  timer.unref();
  return () => clearInterval(timer);
}
