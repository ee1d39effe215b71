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

/**
 * The address a rate limit counts: IPv4 as is, IPv6 by its /64 (one subscriber's whole
 * allocation, so rotating through it buys nothing).
 */
export function rateLimitAddress(ip: string): string {
  const v = ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  if (!v.includes(":")) return v;
  const [head = "", tail = ""] = v.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = v.includes("::")
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (g || "0").replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
