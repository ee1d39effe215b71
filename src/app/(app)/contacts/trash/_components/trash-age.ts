import { RESTORE_WINDOW_DAYS } from "@/server/contacts/constants";

const DAY = 864e5;

/** "Deleted 3 days ago · purged after 30 days (27 days left)", in whole calendar-free days. */
export function trashAge(deletedAt: string, now = Date.now()): { text: string; daysLeft: number } {
  const age = Math.max(0, now - new Date(deletedAt).getTime());
  const days = Math.floor(age / DAY);
  const daysLeft = Math.max(0, Math.ceil((RESTORE_WINDOW_DAYS * DAY - age) / DAY));
  const when = days === 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`;
  const left = daysLeft <= 1 ? "last day to restore" : `${daysLeft} days left`;
  return {
    text: `Deleted ${when} · purged after ${RESTORE_WINDOW_DAYS} days (${left})`,
    daysLeft,
  };
}
