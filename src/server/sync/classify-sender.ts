import type { Headers } from "./mime/headers";

// Addresses that never become contacts: robots and bounce handlers. Free-mail domains are
// deliberately absent: clients write from gmail.com, yahoo.com and outlook.com.
const AUTOMATED_LOCAL =
  /^(no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|mailer[-_.]?daemon|postmaster|bounces?|notifications?|notify|alerts?|auto[-_.]?confirm|automated|newsletters?|news|info[-_.]?noreply)([+._-].*)?$/i;

export function isAutomatedAddress(email: string): boolean {
  const at = email.lastIndexOf("@");
  const local = at > 0 ? email.slice(0, at) : email;
  if (AUTOMATED_LOCAL.test(local)) return true;
  if (/no-?reply/i.test(local)) return true;
  const domain = email.slice(at + 1);
  return (
    /^(bounce|bounces|mailer|notifications?|email|em|mail)\d*\./i.test(domain) &&
    /^[a-z0-9]{20,}/i.test(local)
  );
}

/** Mailing lists and bulk mail: List-Id / List-Unsubscribe / Precedence: bulk|list|junk. */
export function isBulkMail(h: Headers): boolean {
  if (h.has("list-id") || h.has("list-unsubscribe")) return true;
  const prec = h.get("precedence")?.[0]?.toLowerCase().trim();
  if (prec === "bulk" || prec === "list" || prec === "junk") return true;
  const auto = h.get("auto-submitted")?.[0]?.toLowerCase().trim();
  return !!auto && auto !== "no";
}
