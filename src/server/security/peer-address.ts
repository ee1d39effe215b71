import http from "node:http";

export const PEER_HEADER = "x-omnicrm-peer-ip";

const g = globalThis as unknown as { __omnicrmPeerPatched?: boolean };

/**
 * Route handlers never see the socket, and Next.js only fills X-Forwarded-For when the
 * client did not send one, so without a trusted proxy the header proves nothing. We stamp
 * the real peer address on every incoming request under a header a client cannot forge
 * (any client-sent value is dropped). Installed once from instrumentation.
 */
export function installPeerAddressHeader(): void {
  if (g.__omnicrmPeerPatched) return;
  g.__omnicrmPeerPatched = true;
  const proto = http.Server.prototype as unknown as { emit: (event: string, ...args: unknown[]) => boolean };
  const emit = proto.emit;
  proto.emit = function patchedEmit(this: http.Server, event: string, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      const addr = req.socket?.remoteAddress;
      if (addr) req.headers[PEER_HEADER] = addr;
      else delete req.headers[PEER_HEADER];
    }
    return emit.call(this, event, ...args);
  };
}
