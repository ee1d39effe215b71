import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

const html = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe("Markdown", () => {
  it("escapes raw HTML instead of rendering it", () => {
    const out = html('<script>alert(1)</script> <img src=x onerror="x()">');
    expect(out).not.toContain("<script>");
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;script&gt;");
  });

  it("renders bold, italic, code, lists and safe links only", () => {
    const out = html(
      "**Knee** *left* `ice`\n\n- one\n- two\n\n[site](https://example.com) [bad](javascript:alert(1))",
    );
    expect(out).toContain("<strong>Knee</strong>");
    expect(out).toContain("<em>left</em>");
    expect(out).toContain("<li>one</li>");
    expect(out).toContain('href="https://example.com"');
    expect(out).not.toContain('href="javascript:');
  });
});
