import jpeg from "jpeg-js";
import { once } from "node:events";
import { crc32, createDeflate } from "node:zlib";
import { PNG } from "pngjs";

type Rgb = [number, number, number];

/** Test images: left half one colour, right half another. */
function pixels(w: number, h: number, left: Rgb, right: Rgb): Buffer {
  const data = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const c = x < w / 2 ? left : right;
      data.set([...c, 255], (y * w + x) * 4);
    }
  return data;
}

export function testPng(w: number, h: number, left: Rgb = [255, 0, 0], right: Rgb = [0, 0, 255]): Buffer {
  const png = new PNG({ width: w, height: h });
  png.data = pixels(w, h, left, right);
  return PNG.sync.write(png);
}

export function testJpeg(
  w: number,
  h: number,
  opts: { orientation?: number; left?: Rgb; right?: Rgb } = {},
): Buffer {
  const raw = jpeg.encode(
    { width: w, height: h, data: pixels(w, h, opts.left ?? [255, 0, 0], opts.right ?? [0, 0, 255]) },
    90,
  ).data;
  if (!opts.orientation) return raw;
  // A minimal big-endian EXIF APP1 segment with one IFD0 entry: Orientation (0x0112).
  const tiff = Buffer.from([
    0x4d,
    0x4d,
    0,
    42,
    0,
    0,
    0,
    8,
    0,
    1,
    0x01,
    0x12,
    0,
    3,
    0,
    0,
    0,
    1,
    0,
    opts.orientation,
    0,
    0,
    0,
    0,
    0,
    0,
  ]);
  const body = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(body.length + 2);
  return Buffer.concat([raw.subarray(0, 2), Buffer.from([0xff, 0xe1]), len, body, raw.subarray(2)]);
}

/** RGBA of pixel (x, y) of a PNG or JPEG. */
export function pixelAt(bytes: Buffer, x: number, y: number): { w: number; h: number; rgba: number[] } {
  const img = bytes[0] === 0xff ? jpeg.decode(bytes, { useTArray: true }) : PNG.sync.read(bytes);
  const i = (y * img.width + x) * 4;
  return { w: img.width, h: img.height, rgba: [...img.data.subarray(i, i + 4)] };
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

function ihdr(w: number, h: number, interlace: 0 | 1): Buffer {
  const d = Buffer.alloc(13);
  d.writeUInt32BE(w, 0);
  d.writeUInt32BE(h, 4);
  d.set([8, 6, 0, 0, interlace], 8); // 8-bit RGBA, deflate, adaptive filter
  return chunk("IHDR", d);
}

/** zlib stream of `total` zero bytes, deflated a megabyte at a time (never held whole). */
async function deflateZeros(total: number): Promise<Buffer> {
  const z = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  z.on("data", (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => z.on("end", resolve).on("error", reject));
  const mb = Buffer.alloc(1 << 20);
  for (let left = total; left > 0; left -= mb.length) {
    if (!z.write(left >= mb.length ? mb : mb.subarray(0, left))) await once(z, "drain");
  }
  z.end();
  await done;
  return Buffer.concat(out);
}

/**
 * Decompression bombs from issue #14. `secondIhdr`: a first IHDR of 1×1 (what a size check
 * reads) then one of 7000×7000 (what the decoder obeys), with IDAT for the large one: ~190 KB
 * that inflates to ~196 MB. `interlaced`: an interlaced 4000×4000 (under the pixel cap)
 * whose IDAT inflates to 200 MB, far more than its pixels need.
 */
export async function bombPng(kind: "secondIhdr" | "interlaced"): Promise<Buffer> {
  const [w, h] = kind === "secondIhdr" ? [7000, 7000] : [4000, 4000];
  const inflated = kind === "secondIhdr" ? h * (1 + w * 4) : 200 << 20;
  const idat = chunk("IDAT", await deflateZeros(inflated));
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  const head = kind === "secondIhdr" ? [ihdr(1, 1, 0), ihdr(w, h, 0)] : [ihdr(w, h, 1)];
  return Buffer.concat([sig, ...head, idat, chunk("IEND", Buffer.alloc(0))]);
}
