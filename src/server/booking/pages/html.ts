import { DateTime } from "luxon";

/** Escapes text for HTML element content and attribute values. */
export function esc(s: string | number | null | undefined): string {
  return String(s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#FAF8F5;color:#1F2421}
main{max-width:560px;margin:0 auto;padding:20px 16px 48px}h1{font-size:24px;margin:8px 0 4px}h2{font-size:18px;margin:24px 0 8px}
.muted{color:#6B716C;font-size:14px}.card{display:block;background:#fff;border:1px solid #E6E2DC;border-radius:12px;padding:16px;margin:12px 0;color:inherit;text-decoration:none}
a.card:focus,a.card:hover{border-color:#4F7A64}.slots{display:grid;grid-template-columns:repeat(auto-fill,minmax(96px,1fr));gap:8px}
.slot,.btn{display:block;text-align:center;padding:14px 8px;min-height:48px;border-radius:8px;border:1px solid #4F7A64;color:#3F6652;background:#fff;text-decoration:none;font-weight:600;font-size:16px}
.btn{background:#4F7A64;color:#fff;width:100%;cursor:pointer}.btn.secondary{background:#fff;color:#3F6652}.btn.danger{background:#fff;color:#B4413C;border-color:#B4413C}
label{display:block;margin:14px 0 4px;font-weight:600}input,textarea{width:100%;font:inherit;padding:12px;border:1px solid #E6E2DC;border-radius:8px;background:#fff}
.check{display:flex;gap:10px;align-items:flex-start;font-weight:400}.check input{width:24px;height:24px;flex:none}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}.error{background:#fbeceb;border:1px solid #B4413C;color:#7a2420;border-radius:8px;padding:12px;margin:12px 0}
.ok{background:#e9f3ec;border:1px solid #3F7D4E;border-radius:8px;padding:12px;margin:12px 0}nav{display:flex;justify-content:space-between;margin:16px 0}nav a{color:#3F6652}`;

/**
 * A whole public page: no app bundle, one small inline style and one tiny script (nonce'd
 * for the CSP) that remembers the visitor's time zone in a cookie so times render in it.
 */
export function page(
  title: string,
  body: string,
  opts: { nonce: string; status?: number; needsTz?: boolean },
): Response {
  const script = `(function(){try{var z=Intl.DateTimeFormat().resolvedOptions().timeZone;if(!z)return;var c="book_tz="+encodeURIComponent(z);if(document.cookie.split("; ").indexOf(c)<0){document.cookie=c+";path=/book;max-age=31536000;samesite=lax";if(document.body.getAttribute("data-needs-tz"))location.reload();}}catch(e){}})();`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>${CSS}</style></head><body${opts.needsTz ? ' data-needs-tz="1"' : ""}><main>${body}</main><script nonce="${esc(opts.nonce)}">${script}</script></body></html>`;
  return new Response(html, {
    status: opts.status ?? 200,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

/** The nonce the proxy put in this request's CSP header. */
export function nonceOf(req: Request): string {
  return /'nonce-([^']+)'/.exec(req.headers.get("content-security-policy") ?? "")?.[1] ?? "";
}

/** The visitor's zone from the cookie the page script sets; `fallback` when unknown. */
export function visitorZone(req: Request, fallback: string): { zone: string; known: boolean } {
  const m = /(?:^|;\s*)book_tz=([^;]+)/.exec(req.headers.get("cookie") ?? "");
  const zone = m ? decodeURIComponent(m[1]!) : "";
  return zone && DateTime.local().setZone(zone).isValid
    ? { zone, known: true }
    : { zone: fallback, known: false };
}

export function fmtDay(iso: string | Date, zone: string): string {
  const d = typeof iso === "string" ? DateTime.fromISO(iso) : DateTime.fromJSDate(iso);
  return d.setZone(zone).toFormat("cccc d LLLL");
}

export function fmtTime(iso: string | Date, zone: string): string {
  const d = typeof iso === "string" ? DateTime.fromISO(iso) : DateTime.fromJSDate(iso);
  return d.setZone(zone).toFormat("HH:mm");
}

export function zoneLabel(zone: string): string {
  return `Times in ${zone.replace(/_/g, " ")}`;
}

export function price(cents: number | null, currency: string | null): string {
  if (cents === null) return "";
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currency ?? "EUR" }).format(
      cents / 100,
    );
  } catch {
    return (cents / 100).toFixed(2);
  }
}

export function redirect(to: string): Response {
  return new Response(null, { status: 303, headers: { location: to, "cache-control": "no-store" } });
}
