import { describe, expect, it } from "vitest";
import { markdownToEmail } from "./markdown-email";
import { renderTemplate } from "./render-template";

describe("renderTemplate", () => {
  it("replaces fields, reports missing ones and leaves everything else alone", () => {
    const r = renderTemplate("Hi {{ firstName }}, see {{bookingLink}} {{not a field}} {{", {
      firstName: "Ana",
    });
    expect(r.text).toBe("Hi Ana, see  {{not a field}} {{");
    expect(r.missing).toEqual(["bookingLink"]);
  });

  it("escapes values so a name cannot add Markdown or HTML", () => {
    const r = renderTemplate("Hi {{firstName}}", { firstName: "[x](https://evil.example) <b>" });
    const { html } = markdownToEmail(r.text);
    expect(html).not.toContain("<a ");
    expect(html).not.toContain("<b>");
    expect(html).toContain("[x](https://evil.example) &lt;b&gt;");
  });

  it("keeps a value on its line: no new paragraph, heading or list from a line break", () => {
    const r = renderTemplate("Hi {{firstName}}, welcome", { firstName: "Ana\n\n# Win a prize\n- now" });
    const { html } = markdownToEmail(r.text);
    expect(html).not.toContain("<h");
    expect(html).not.toContain("<ul>");
    expect(html.match(/<p>/g)).toHaveLength(1);
  });

  it("a value is inserted once, never rendered again as a template", () => {
    expect(renderTemplate("{{firstName}}", { firstName: "{{bookingLink}}" }, { escape: false }).text).toBe(
      "{{bookingLink}}",
    );
  });

  it("is linear on hostile input", () => {
    const evil = "{{".repeat(50_000) + "}}".repeat(50_000);
    const t0 = performance.now();
    renderTemplate(evil, {});
    markdownToEmail("[".repeat(20_000) + "](".repeat(20_000));
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

describe("markdownToEmail", () => {
  it("renders paragraphs, lists, emphasis and safe links, with a matching plain-text part", () => {
    const { html, text } = markdownToEmail(
      "Hi **Ana**,\n\n- one\n- *two*\n\n[Book](https://cal.example/x) or [bad](javascript:alert(1))",
    );
    expect(html).toContain("<p>Hi <strong>Ana</strong>,</p>");
    expect(html).toContain("<ul><li>one</li><li><em>two</em></li></ul>");
    expect(html).toContain('<a href="https://cal.example/x">Book</a>');
    expect(html).not.toContain('javascript:alert(1)"');
    expect(text).toBe(
      "Hi Ana,\n\n- one\n- two\n\nBook (https://cal.example/x) or [bad](javascript:alert(1))",
    );
  });
});
