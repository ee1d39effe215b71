// Runs once when a Next.js server process starts. Node-only work is imported lazily so
// the edge bundle never sees it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request: rate limits and audit need the real peer address (see the module).
  const { installPeerAddressHeader } = await import("./server/security/peer-address");
  installPeerAddressHeader();
  const { bootServer } = await import("./server/boot/boot-server");
  await bootServer();
}
