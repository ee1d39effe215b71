import { describe, expect, it } from "vitest";
import { safeFileName } from "./client-file-view";

describe("safeFileName", () => {
  it("keeps the last path segment and always ends in the sniffed type's extension", () => {
    expect(safeFileName("C:\\Users\\me\\intake.pdf", "application/pdf")).toBe("intake.pdf");
    expect(safeFileName("../../etc/passwd", "application/pdf")).toBe("passwd.pdf");
    expect(safeFileName("invoice.html", "application/pdf")).toBe("invoice.html.pdf");
    expect(safeFileName("photo.JPEG", "image/jpeg")).toBe("photo.JPEG");
    expect(safeFileName("photo.png", "image/jpeg")).toBe("photo.png.jpg");
    expect(safeFileName("scan.HEIC", "image/heic")).toBe("scan.HEIC");
  });

  it("drops control and quoting characters, leading dots, and never returns an empty name", () => {
    expect(safeFileName('a"b;c\r\n\u0000d.png', "image/png")).toBe("abcd.png");
    expect(safeFileName("...hidden.pdf", "application/pdf")).toBe("hidden.pdf");
    expect(safeFileName("", "image/webp")).toBe("file.webp");
    expect(safeFileName("///", "application/pdf")).toBe("file.pdf");
  });

  it("shortens long names but keeps the extension", () => {
    const name = safeFileName(`${"x".repeat(500)}.pdf`, "application/pdf");
    expect(name.length).toBe(180);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});
