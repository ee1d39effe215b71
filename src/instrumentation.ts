// Runs once when a Next.js server process starts. Node-only work is imported lazily so
// the edge bundle never sees it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootServer } = await import("./server/boot/boot-server");
  await bootServer();
}
