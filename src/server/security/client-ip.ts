import { env } from "@/lib/env";
import { PEER_HEADER } from "./peer-address";

/**
 * The client's IP for rate limiting and audit. X-Forwarded-For is honoured only with
 * TRUST_PROXY (its right-most entry is the one our proxy appended); otherwise the socket
 * peer address stamped by installPeerAddressHeader.
 */
export function clientIp(headers: Headers): string {
  if (env().TRUST_PROXY) {
    const xff = headers.get("x-forwarded-for");
    const last = xff
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .pop();
    if (last) return last;
  }
  return headers.get(PEER_HEADER) ?? "unknown";
}
