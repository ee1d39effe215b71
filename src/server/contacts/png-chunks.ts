export type PngHeader = { width: number; height: number; interlaced: boolean };

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/**
 * Walks a PNG's chunk list (lengths and types only, nothing inflated) and returns its one
 * header. A decoder trusts whichever IHDR it meets last, so a file whose first IHDR says
 * 1×1 and a second says 7000×7000 slips past a check of the first one: more than one IHDR,
 * an IHDR that is not first, or a chunk running past the end is refused here. Linear in the
 * number of chunks, never allocates pixels.
 */
export function readPngHeader(b: Buffer): PngHeader | { error: string } {
  if (b.length < 8 || !b.subarray(0, 8).equals(SIGNATURE)) return { error: "not a PNG" };
  let header: PngHeader | null = null;
  let off = 8;
  while (off + 8 <= b.length) {
    const len = b.readUInt32BE(off);
    const type = b.toString("latin1", off + 4, off + 8);
    const end = off + 12 + len;
    if (end > b.length) return { error: "chunk runs past the end of the file" };
    if (type === "IHDR") {
      if (header || off !== 8) return { error: "more than one IHDR" };
      if (len !== 13) return { error: "bad IHDR" };
      header = {
        width: b.readUInt32BE(off + 8),
        height: b.readUInt32BE(off + 12),
        interlaced: b[off + 8 + 12] !== 0,
      };
    } else if (!header) return { error: "IHDR is not the first chunk" };
    if (type === "IEND") break;
    off = end;
  }
  return header ?? { error: "no IHDR" };
}
