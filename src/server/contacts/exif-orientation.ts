/**
 * The EXIF orientation (1–8) of a JPEG, or 1 when absent. Phone cameras store pixels in
 * sensor order and record the rotation here; jpeg-js ignores it, so without this a portrait
 * photo taken on a phone would come out sideways.
 */
export function exifOrientation(b: Buffer): number {
  let p = 2;
  while (p + 4 <= b.length && b[p] === 0xff) {
    const marker = b[p + 1]!;
    const len = b.readUInt16BE(p + 2);
    if (marker === 0xda) break; // start of scan: no more metadata
    if (marker === 0xe1 && b.subarray(p + 4, p + 10).toString("latin1") === "Exif\0\0")
      return readTiffOrientation(b.subarray(p + 10, p + 2 + len));
    p += 2 + len;
  }
  return 1;
}

function readTiffOrientation(t: Buffer): number {
  if (t.length < 8) return 1;
  const le = t.toString("latin1", 0, 2) === "II";
  const u16 = (o: number) => (o + 2 <= t.length ? (le ? t.readUInt16LE(o) : t.readUInt16BE(o)) : 0);
  const u32 = (o: number) => (o + 4 <= t.length ? (le ? t.readUInt32LE(o) : t.readUInt32BE(o)) : 0);
  const ifd = u32(4);
  const n = u16(ifd);
  for (let i = 0; i < n; i++) {
    const e = ifd + 2 + i * 12;
    if (u16(e) === 0x0112) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : 1;
    }
  }
  return 1;
}
