import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import { AppError } from "../errors";
import { exifOrientation } from "./exif-orientation";
import { readPngHeader } from "./png-chunks";

/** Avatars are stored as at most AVATAR_SIZE × AVATAR_SIZE squares (cover crop, never upscaled). */
export const AVATAR_SIZE = 256;
/** Refuse to decode anything larger: a 2 MB file can otherwise expand to gigabytes of pixels. */
const MAX_PIXELS = 40_000_000;

export type StoredImage = { bytes: Buffer; ext: "png" | "jpg"; mime: "image/png" | "image/jpeg" };
type Rgba = { width: number; height: number; data: Uint8Array };

const isPng = (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
const isJpeg = (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

const unsupported = (why: string) => new AppError("unsupported_media_type", why, { fields: { file: [why] } });

/**
 * Cheap checks on the chunk list, before any decoding (and before a worker is involved):
 * a PNG decompression bomb is refused in microseconds. Throws 415.
 */
export function checkAvatarHeader(input: Buffer): void {
  if (!isPng(input)) return;
  const head = readPngHeader(input);
  if ("error" in head) throw unsupported("the PNG file is damaged");
  // Adam7 interlacing makes the decoder inflate without an output bound; avatars never need it.
  if (head.interlaced) throw unsupported("interlaced PNGs are not supported; save it as a standard PNG");
  if (head.width * head.height > MAX_PIXELS) throw unsupported("image is too large in pixels");
}

/**
 * Decodes a PNG or JPEG (decided by magic bytes, never the client's Content-Type), crops
 * it to a centred square, scales it down to AVATAR_SIZE and re-encodes it: PNG stays PNG
 * (keeps transparency), JPEG stays JPEG. Re-encoding also drops EXIF data such as GPS.
 * GIF, WebP and SVG are refused: pure-JS decoders for them are not worth the risk, and
 * SVG can carry script.
 */
export function resizeAvatar(input: Buffer): StoredImage {
  if (isPng(input)) {
    checkAvatarHeader(input);
    let png: PNG;
    try {
      png = PNG.sync.read(input);
    } catch {
      throw unsupported("the PNG file is damaged");
    }
    const out = coverSquare({ width: png.width, height: png.height, data: png.data });
    const enc = new PNG({ width: out.width, height: out.height });
    enc.data = Buffer.from(out.data);
    return { bytes: PNG.sync.write(enc), ext: "png", mime: "image/png" };
  }
  if (isJpeg(input)) {
    let img: Rgba;
    try {
      img = jpeg.decode(input, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_PIXELS / 1e6,
        maxMemoryUsageInMB: 512,
      });
    } catch (e) {
      const big = e instanceof Error && /maxResolutionInMP|maxMemoryUsage/i.test(e.message);
      throw unsupported(big ? "image is too large in pixels" : "the JPEG file is damaged");
    }
    const out = coverSquare(orient(img, exifOrientation(input)));
    return { bytes: jpeg.encode({ ...out, data: out.data }, 85).data, ext: "jpg", mime: "image/jpeg" };
  }
  throw unsupported("please upload a PNG or JPEG image");
}

/** Centre-crops to a square and box-filters it down to at most AVATAR_SIZE px a side. */
export function coverSquare(img: Rgba): Rgba {
  const side = Math.min(img.width, img.height);
  const size = Math.min(AVATAR_SIZE, side);
  const x0 = Math.floor((img.width - side) / 2);
  const y0 = Math.floor((img.height - side) / 2);
  const out = new Uint8Array(size * size * 4);
  const scale = side / size;
  for (let y = 0; y < size; y++) {
    const sy0 = y0 + Math.floor(y * scale);
    const sy1 = Math.max(sy0 + 1, y0 + Math.floor((y + 1) * scale));
    for (let x = 0; x < size; x++) {
      const sx0 = x0 + Math.floor(x * scale);
      const sx1 = Math.max(sx0 + 1, x0 + Math.floor((x + 1) * scale));
      let r = 0, g = 0, b = 0, a = 0; // prettier-ignore
      for (let sy = sy0; sy < sy1; sy++) {
        let i = (sy * img.width + sx0) * 4;
        for (let sx = sx0; sx < sx1; sx++, i += 4) {
          r += img.data[i]!;
          g += img.data[i + 1]!;
          b += img.data[i + 2]!;
          a += img.data[i + 3]!;
        }
      }
      const n = (sy1 - sy0) * (sx1 - sx0);
      const o = (y * size + x) * 4;
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
      out[o + 3] = Math.round(a / n);
    }
  }
  return { width: size, height: size, data: out };
}

/** Applies an EXIF orientation so the pixels are upright. */
export function orient(img: Rgba, o: number): Rgba {
  if (o <= 1 || o > 8) return img;
  const { width: w, height: h, data } = img;
  const swap = o >= 5;
  const W = swap ? h : w;
  const H = swap ? w : h;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      // (sx, sy): the source pixel shown at (x, y) for each of the 8 EXIF orientations.
      const [sx, sy] =
        o === 2 ? [w - 1 - x, y]
        : o === 3 ? [w - 1 - x, h - 1 - y]
        : o === 4 ? [x, h - 1 - y]
        : o === 5 ? [y, x]
        : o === 6 ? [y, h - 1 - x]
        : o === 7 ? [w - 1 - y, h - 1 - x]
        : [w - 1 - y, x]; // prettier-ignore
      const s = (sy * w + sx) * 4;
      const d = (y * W + x) * 4;
      out[d] = data[s]!;
      out[d + 1] = data[s + 1]!;
      out[d + 2] = data[s + 2]!;
      out[d + 3] = data[s + 3]!;
    }
  }
  return { width: W, height: H, data: out };
}
