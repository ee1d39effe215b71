// Plain text → the kind of HTML Gmail/Outlook produce for the alternative part.

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((para) => `<div>${para.split("\n").map(escapeHtml).join("<br>")}</div>`)
    .join("<div><br></div>");
}

export function gmailQuoteHtml(attribution: string, quoted: string): string {
  return (
    `<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">${escapeHtml(attribution)}<br></div>` +
    `<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">` +
    `${textToHtml(quoted)}</blockquote></div>`
  );
}

export function wrapHtml(inner: string): string {
  return `<div dir="ltr">${inner}</div>`;
}

/** Newsletter-style HTML with long lines, so quoted-printable soft breaks get exercised. */
export function newsletterHtml(title: string, lines: readonly string[], unsubscribeUrl: string): string {
  const rows = lines.map(
    (l) =>
      `<tr><td style="padding:12px 24px;font-family:Helvetica,Arial,sans-serif;font-size:16px;line-height:24px;color:#333333;">${escapeHtml(l)}</td></tr>`,
  );
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><style>td{font-family:Helvetica,Arial,sans-serif}</style></head><body>',
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;margin:0 auto;background:#ffffff;"><tr><td style="padding:24px;font-size:22px;font-weight:bold;">${escapeHtml(title)}</td></tr>`,
    ...rows,
    `<tr><td style="padding:24px;font-size:12px;color:#888888;">You are receiving this because you subscribed. <a href="${unsubscribeUrl}">Unsubscribe</a> · Manage preferences</td></tr></table>`,
    "</body></html>",
  ].join("\n");
}
