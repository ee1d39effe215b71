/**
 * Reads `email` from a JSON body without consuming the request (the handler still parses
 * it). Bounded: a body larger than a sign-in form yields no email rather than buffering it.
 */
export async function peekEmail(req: Request, maxBytes = 16_384): Promise<string | null> {
  if (!req.body || Number(req.headers.get("content-length") ?? "0") > maxBytes) return null;
  const reader = req.clone().body!.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { email?: unknown };
    return typeof parsed.email === "string" ? parsed.email.trim().toLowerCase().slice(0, 254) : null;
  } catch {
    return null;
  }
}
