import { describe, expect, it } from "vitest";
import { sniffFileType } from "./sniff-file-type";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

describe("sniffFileType", () => {
  it("recognises the allowed types by their magic bytes", () => {
    expect(sniffFileType(bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"))).toBe("application/pdf");
    expect(sniffFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe(
      "image/png",
    );
    expect(sniffFileType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF"))).toBe("image/jpeg");
    expect(sniffFileType(bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "))).toBe("image/webp");
    expect(sniffFileType(bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0], "mif1heic"))).toBe("image/heic");
    expect(sniffFileType(bytes([0, 0, 0, 0x1c], "ftypmif1", [0, 0, 0, 0], "mif1heic"))).toBe("image/heic");
  });

  it("refuses SVG, HTML, scripts and other types whatever they claim to be", () => {
    for (const text of [
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
      '<?xml version="1.0"?><svg/>',
      "<!DOCTYPE html><html><script>alert(1)</script>",
      "<html>%PDF-1.4</html>",
      " %PDF-1.4 (leading space)",
      "GIF89a....",
      "PK\u0003\u0004 zip or docx",
    ])
      expect(sniffFileType(bytes(text)), text).toBeNull();
    // AVIF shares HEIF's container but is not on the allow-list.
    expect(sniffFileType(bytes([0, 0, 0, 0x1c], "ftypavif", [0, 0, 0, 0], "avifmif1"))).toBeNull();
    // RIFF that is not WebP (a WAV file).
    expect(sniffFileType(bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "))).toBeNull();
  });

  it("refuses empty and truncated headers", () => {
    expect(sniffFileType(new Uint8Array())).toBeNull();
    expect(sniffFileType(bytes("%PD"))).toBeNull();
    expect(sniffFileType(bytes([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffFileType(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffFileType(bytes("RIFF", [0, 0, 0, 0]))).toBeNull();
  });
});
