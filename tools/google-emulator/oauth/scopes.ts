// Scope handling: Google expands the short identity scopes in its responses,
// and each API checks for one of its own scopes.

const G = "https://www.googleapis.com/auth/";

export const SCOPES = {
  email: `${G}userinfo.email`,
  profile: `${G}userinfo.profile`,
  gmailReadonly: `${G}gmail.readonly`,
  gmailMetadata: `${G}gmail.metadata`,
  calendarReadonly: `${G}calendar.readonly`,
  driveMetadataReadonly: `${G}drive.metadata.readonly`,
} as const;

/** What mintTokens() grants when no scope is given: enough for the whole app. */
export const DEFAULT_SCOPES = [
  "openid",
  SCOPES.email,
  SCOPES.profile,
  SCOPES.gmailReadonly,
  SCOPES.calendarReadonly,
];

const GMAIL_FULL = new Set(["https://mail.google.com/", `${G}gmail.readonly`, `${G}gmail.modify`]);
const GMAIL_LABELS = new Set([...GMAIL_FULL, `${G}gmail.metadata`, `${G}gmail.labels`]);

export function normalizeScopes(scope: string): string[] {
  const parts = scope.split(/[\s,]+/).filter(Boolean);
  const expanded = parts.map((s) => (s === "email" ? SCOPES.email : s === "profile" ? SCOPES.profile : s));
  return [...new Set(expanded)];
}

export type GmailAccess = "full" | "metadata" | "labels" | "none";

export function gmailAccess(scopes: readonly string[]): GmailAccess {
  if (scopes.some((s) => GMAIL_FULL.has(s))) return "full";
  if (scopes.includes(`${G}gmail.metadata`)) return "metadata";
  if (scopes.some((s) => GMAIL_LABELS.has(s))) return "labels";
  return "none";
}

/** messages.send: gmail.send, gmail.compose, gmail.modify or full mail access. */
export function canSendMail(scopes: readonly string[]): boolean {
  return scopes.some((s) =>
    ["https://mail.google.com/", `${G}gmail.send`, `${G}gmail.compose`, `${G}gmail.modify`].includes(s),
  );
}

export function hasCalendar(scopes: readonly string[]): boolean {
  return scopes.some((s) => s.startsWith(`${G}calendar`));
}

/** Drive metadata reads: any Drive scope except drive.file (which only sees the app's own files). */
export function hasDrive(scopes: readonly string[]): boolean {
  return scopes.some((s) => s.startsWith(`${G}drive`) && s !== `${G}drive.file` && s !== `${G}drive.appdata`);
}

export function hasIdentity(scopes: readonly string[]): boolean {
  return scopes.some((s) => s === "openid" || s === SCOPES.email || s === SCOPES.profile);
}

export function isKnownScope(s: string): boolean {
  return s === "openid" || s === "https://mail.google.com/" || s.startsWith(G);
}
