import { describe, expect, it } from "vitest";
import { AVATAR_SIZE, resizeAvatar } from "./avatar-image";
import { exifOrientation } from "./exif-orientation";
import { bombPng, pixelAt, testJpeg, testPng } from "./avatar-test-images";

const isRed = (c: number[]) => c[0]! > 180 && c[2]! < 80;
const isBlue = (c: number[]) => c[2]! > 180 && c[0]! < 80;

// Pure-JS image coding takes seconds on a loaded 2-core machine (CI runs suites in parallel).
describe("resizeAvatar", { timeout: 30_000 }, () => {
  it("centre-crops a wide PNG to a bounded square and keeps it PNG", () => {
    const out = resizeAvatar(testPng(900, 300));
    expect(out.mime).toBe("image/png");
    const left = pixelAt(out.bytes, 10, 128);
    expect([left.w, left.h]).toEqual([AVATAR_SIZE, AVATAR_SIZE]);
    // The 300 px square from the middle: left half red, right half blue.
    expect(isRed(left.rgba)).toBe(true);
    expect(isBlue(pixelAt(out.bytes, 245, 128).rgba)).toBe(true);
  });

  it("never upscales a small image", () => {
    const out = resizeAvatar(testPng(40, 60));
    expect(pixelAt(out.bytes, 0, 0)).toMatchObject({ w: 40, h: 40 });
  });

  // Pure-JS JPEG coding of a few images: seconds on a loaded 2-core machine.
  it("re-encodes JPEG as JPEG and turns phone photos upright (EXIF orientation)", { timeout: 30_000 }, () => {
    const plain = resizeAvatar(testJpeg(400, 200));
    expect(plain.mime).toBe("image/jpeg");
    expect(pixelAt(plain.bytes, 20, 100)).toMatchObject({ w: 200, h: 200 });
    // Orientation 6 = rotate 90° clockwise: the red left half ends up on top.
    const rotated = resizeAvatar(testJpeg(400, 200, { orientation: 6 }));
    expect(isRed(pixelAt(rotated.bytes, 100, 20).rgba)).toBe(true);
    expect(isBlue(pixelAt(rotated.bytes, 100, 180).rgba)).toBe(true);
    // Re-encoding drops the EXIF block (GPS and the like).
    expect(exifOrientation(rotated.bytes)).toBe(1);
  });

  it("refuses GIF, WebP, SVG and damaged files with a plain-words 415", () => {
    const gif = Buffer.from("GIF89a\x01\x00\x01\x00", "latin1");
    const svg = Buffer.from("<svg onload=alert(1)></svg>");
    for (const b of [gif, svg])
      expect(() => resizeAvatar(b)).toThrow(expect.objectContaining({ code: "unsupported_media_type" }));
    expect(() => resizeAvatar(gif)).toThrow(/PNG or JPEG/);
    const broken = Buffer.concat([testPng(10, 10).subarray(0, 40), Buffer.alloc(20)]);
    expect(() => resizeAvatar(broken)).toThrow(/damaged/);
  });

  it("reads the EXIF orientation it is given", () => {
    expect(exifOrientation(testJpeg(8, 8, { orientation: 8 }))).toBe(8);
    expect(exifOrientation(testJpeg(8, 8))).toBe(1);
  });

  // Issue #14: the first IHDR said 1×1, a second 7000×7000; the old check read only the
  // first and the decoder inflated ~49 megapixels (accepted). Interlaced PNGs inflate
  // without an output bound. Both are refused from the chunk list, before any inflating.
  it.each(["secondIhdr", "interlaced"] as const)(
    "refuses a %s decompression bomb with 415",
    { timeout: 60_000 },
    async (kind) => {
      const bomb = await bombPng(kind);
      expect(() => resizeAvatar(bomb)).toThrow(expect.objectContaining({ code: "unsupported_media_type" }));
    },
  );

  it("refuses a PNG whose chunks run past the end or whose IHDR is not first", () => {
    const png = testPng(10, 10);
    expect(() => resizeAvatar(png.subarray(0, png.length - 20))).toThrow(/damaged/);
    const noHeader = Buffer.concat([png.subarray(0, 8), png.subarray(33)]);
    expect(() => resizeAvatar(noHeader)).toThrow(/damaged/);
  });
});
