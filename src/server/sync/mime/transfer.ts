// Content-Transfer-Encoding decoding. Bodies are handled as "binary strings" (latin1, one
// char per byte) until the leaf, so splitting multipart bodies never corrupts bytes.

export function decodeTransfer(body: string, encoding: string | undefined): Buffer {
  const enc = (encoding ?? "7bit").trim().toLowerCase();
  if (enc === "base64") return Buffer.from(body.replace(/[^A-Za-z0-9+/=_-]/g, ""), "base64");
  if (enc === "quoted-printable") return decodeQuotedPrintable(body);
  return Buffer.from(body, "latin1");
}

export function decodeQuotedPrintable(s: string): Buffer {
  const out = Buffer.allocUnsafe(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 61 /* = */) {
      out[n++] = c & 0xff;
      continue;
    }
    const a = s.charCodeAt(i + 1);
    // Soft line break: "=\r\n" or "=\n".
    if (a === 13 && s.charCodeAt(i + 2) === 10) {
      i += 2;
      continue;
    }
    if (a === 10) {
      i += 1;
      continue;
    }
    const hex = s.slice(i + 1, i + 3);
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out[n++] = parseInt(hex, 16);
      i += 2;
    } else {
      out[n++] = c;
    }
  }
  return out.subarray(0, n);
}
