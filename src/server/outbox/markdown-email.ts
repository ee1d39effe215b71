// The email body's Markdown → an HTML part and a plain-text part. A deliberately small
// dialect (paragraphs, line breaks, "# " headings, "- " lists, **bold**, *italic*,
// [links](https://…), backslash escapes), rendered in one linear pass with every piece
// of text HTML-escaped: nothing a user or a merge field types becomes markup.

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function safeHref(h: string): string | null {
  return /^(https?:\/\/|mailto:)[^\s<>"']+$/i.test(h) ? h : null;
}

/** Inline Markdown of one line → { html, text }. */
function inline(src: string): { html: string; text: string } {
  let html = "";
  let text = "";
  let bold = false;
  let italic = false;
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "\\" && i + 1 < src.length) {
      html += esc(src[i + 1]!);
      text += src[i + 1]!;
      i += 2;
      continue;
    }
    if (c === "*" && src[i + 1] === "*") {
      bold = !bold;
      html += bold ? "<strong>" : "</strong>";
      i += 2;
      continue;
    }
    if (c === "*") {
      italic = !italic;
      html += italic ? "<em>" : "</em>";
      i += 1;
      continue;
    }
    if (c === "[") {
      const endLabel = src.indexOf("](", i + 1);
      const endUrl = endLabel < 0 ? -1 : src.indexOf(")", endLabel + 2);
      const label = endLabel < 0 ? "" : src.slice(i + 1, endLabel);
      if (endUrl > 0 && !label.includes("[")) {
        const href = safeHref(src.slice(endLabel + 2, endUrl));
        if (href) {
          html += `<a href="${esc(href)}">${esc(label)}</a>`;
          text += label === href ? href : `${label} (${href})`;
          i = endUrl + 1;
          continue;
        }
      }
    }
    html += esc(c);
    text += c;
    i += 1;
  }
  if (italic) html += "</em>";
  if (bold) html += "</strong>";
  return { html, text };
}

export function markdownToEmail(md: string): { html: string; text: string } {
  const blocks = md.replace(/\r\n?/g, "\n").split(/\n{2,}/);
  const html: string[] = [];
  const text: string[] = [];
  for (const block of blocks) {
    const lines = block.split("\n").filter((l) => l.trim() !== "");
    if (!lines.length) continue;
    if (lines.every((l) => /^\s*[-*] /.test(l))) {
      const items = lines.map((l) => inline(l.replace(/^\s*[-*] /, "")));
      html.push(`<ul>${items.map((it) => `<li>${it.html}</li>`).join("")}</ul>`);
      text.push(items.map((it) => `- ${it.text}`).join("\n"));
      continue;
    }
    const h = /^(#{1,3}) (.*)$/.exec(lines[0]!);
    if (h && lines.length === 1) {
      const it = inline(h[2]!);
      html.push(`<h${h[1]!.length + 1}>${it.html}</h${h[1]!.length + 1}>`);
      text.push(it.text);
      continue;
    }
    const parts = lines.map(inline);
    html.push(`<p>${parts.map((p) => p.html).join("<br>")}</p>`);
    text.push(parts.map((p) => p.text).join("\n"));
  }
  return {
    html: `<div style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5">${html.join("\n")}</div>`,
    text: text.join("\n\n"),
  };
}
