import jpeg from "jpeg-js";
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
