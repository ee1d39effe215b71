import { describe, expect, it } from "vitest";
import { attachmentDisposition, downloadHeaders } from "./content-disposition";

describe("attachmentDisposition", () => {
  it("always says attachment, with a quoted ASCII fallback and the exact UTF-8 name", () => {
    expect(attachmentDisposition("intake.pdf")).toBe(
      `attachment; filename="intake.pdf"; filename*=UTF-8''intake.pdf`,
    );
    expect(attachmentDisposition("Zoë's form (1).pdf")).toBe(
      `attachment; filename="Zo_'s form (1).pdf"; filename*=UTF-8''Zo%C3%AB%27s%20form%20%281%29.pdf`,
    );
  });

  it("cannot be broken out of: quotes, backslashes and line breaks never reach the header raw", () => {
    const h = attachmentDisposition('a"; filename="evil.html\r\nX-Injected: 1\\.pdf');
    expect(h).not.toMatch(/[\r\n]/);
    const fallback = /filename="([^"]*)"/.exec(h)?.[1];
    expect(fallback).toBe("a_; filename=_evil.html__X-Injected: 1_.pdf");
  });

  it("download headers never let the browser render or sniff", () => {
    const h = downloadHeaders({ fileName: "x.pdf", mimeType: "application/pdf", size: 10 });
    expect(h["content-disposition"]).toMatch(/^attachment;/);
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["content-security-policy"]).toContain("sandbox");
  });
});
