// The emulator's "Sign in with Google" page: pick or type an account, then Allow or Deny.
import { escapeHtml } from "../http-utils";

const STYLE = `body{font-family:system-ui,sans-serif;background:#f1f3f4;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border-radius:8px;padding:32px;max-width:440px;width:100%;box-shadow:0 1px 3px rgba(0,0,0,.2)}
h1{font-size:22px;margin:0 0 8px}p,li{color:#3c4043;font-size:14px}label{display:block;margin:16px 0 4px;font-weight:600}
select,input{width:100%;padding:8px;font-size:14px;box-sizing:border-box}.row{display:flex;gap:12px;justify-content:flex-end;margin-top:24px}
button{padding:10px 20px;font-size:14px;border-radius:4px;border:1px solid #dadce0;background:#fff;cursor:pointer}
button[value=allow]{background:#1a73e8;color:#fff;border-color:#1a73e8}.tag{font-size:12px;color:#5f6368}`;

export type ConsentView = {
  requestId: string;
  clientId: string;
  scopes: string[];
  accounts: string[];
  selected: string;
};

export function consentPage(v: ConsentView): string {
  const options = v.accounts
    .map(
      (a) =>
        `<option value="${escapeHtml(a)}"${a === v.selected ? " selected" : ""}>${escapeHtml(a)}</option>`,
    )
    .join("");
  const scopes = v.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in - Google Accounts (emulator)</title><style>${STYLE}</style></head>
<body><main><h1>Sign in with Google</h1><p class="tag">Local Google emulator — no real account is used.</p>
<p><strong>${escapeHtml(v.clientId)}</strong> wants to access your Google Account:</p><ul>${scopes}</ul>
<form method="post" action="/o/oauth2/v2/auth/decision">
<input type="hidden" name="request_id" value="${escapeHtml(v.requestId)}">
<label for="email">Account</label><select id="email" name="email">${options}</select>
<label for="email_other">Or use another email</label><input id="email_other" name="email_other" type="email" placeholder="someone@example.com" autocomplete="off">
<div class="row"><button type="submit" name="decision" value="deny">Deny</button><button type="submit" name="decision" value="allow">Allow</button></div>
</form></main></body></html>`;
}

export function errorPage(title: string, detail: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main><h1>Access blocked</h1><p><strong>${escapeHtml(title)}</strong></p><p>${escapeHtml(detail)}</p></main></body></html>`;
}
