// Gmail's system labels plus a few user labels a practitioner would create.

export type GmailLabel = {
  id: string;
  name: string;
  type: "system" | "user";
  messageListVisibility?: "show" | "hide";
  labelListVisibility?: "labelShow" | "labelShowIfUnread" | "labelHide";
  color?: { textColor: string; backgroundColor: string };
};

const system = (id: string, hidden = false): GmailLabel => ({
  id,
  name: id,
  type: "system",
  ...(hidden ? { messageListVisibility: "hide", labelListVisibility: "labelHide" } : {}),
});

export const SYSTEM_LABELS: readonly GmailLabel[] = [
  system("CHAT", true),
  system("SENT"),
  system("INBOX"),
  system("IMPORTANT"),
  system("TRASH"),
  system("DRAFT"),
  system("SPAM"),
  system("CATEGORY_FORUMS"),
  system("CATEGORY_UPDATES"),
  system("CATEGORY_PERSONAL"),
  system("CATEGORY_PROMOTIONS"),
  system("CATEGORY_SOCIAL"),
  system("STARRED"),
  system("UNREAD"),
];

const user = (id: string, name: string, backgroundColor: string): GmailLabel => ({
  id,
  name,
  type: "user",
  messageListVisibility: "show",
  labelListVisibility: "labelShow",
  color: { textColor: "#ffffff", backgroundColor },
});

export const USER_LABELS: readonly GmailLabel[] = [
  user("Label_1", "Clients", "#16a766"),
  user("Label_2", "Invoices", "#4a86e8"),
  user("Label_3", "Referrals", "#a479e2"),
];

export const ALL_LABELS: readonly GmailLabel[] = [...SYSTEM_LABELS, ...USER_LABELS];

/** Category aliases used by `category:` in search. */
export const CATEGORY_ALIASES: Record<string, string> = {
  primary: "CATEGORY_PERSONAL",
  personal: "CATEGORY_PERSONAL",
  social: "CATEGORY_SOCIAL",
  promotions: "CATEGORY_PROMOTIONS",
  updates: "CATEGORY_UPDATES",
  forums: "CATEGORY_FORUMS",
};

/** `label:` accepts ids or names, case-insensitive, with '-' standing for spaces or '/'. */
export function resolveLabel(name: string): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[\s/]+/g, "-");
  const wanted = norm(name);
  return ALL_LABELS.find((l) => norm(l.id) === wanted || norm(l.name) === wanted)?.id;
}

export function isKnownLabel(id: string): boolean {
  return ALL_LABELS.some((l) => l.id === id);
}
