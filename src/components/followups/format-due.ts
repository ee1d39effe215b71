// Task dues in words: "Today", "Tomorrow 09:00", "Overdue · 3 Dec", "Fri 12 Dec".

const pad = (n: number) => String(n).padStart(2, "0");

function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export type DueWords = { text: string; overdue: boolean };

/**
 * `due` is "YYYY-MM-DD" (a day) or an ISO instant; `today` is the user's local date from
 * the server (their profile zone), so "today" never depends on the device's clock zone.
 */
export function dueWords(due: string | null, today: string, timeZone?: string): DueWords | null {
  if (!due) return null;
  const timed = due.length > 10;
  const fmt = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(undefined, { ...o, ...(timeZone ? { timeZone } : {}) });
  const day = timed ? localDateIn(due, timeZone) : due;
  const time = timed ? ` ${fmt({ hour: "2-digit", minute: "2-digit" }).format(new Date(due))}` : "";
  const overdue = timed ? new Date(due).getTime() < Date.now() : day < today;
  let label: string;
  if (day === today) label = "Today";
  else if (day === addDays(today, 1)) label = "Tomorrow";
  else if (day === addDays(today, -1)) label = "Yesterday";
  else
    label = new Intl.DateTimeFormat(undefined, {
      weekday: "short",
      day: "numeric",
      month: "short",
      timeZone: "UTC",
    }).format(new Date(`${day}T12:00:00Z`));
  return { text: `${overdue && day !== today ? "Overdue · " : ""}${label}${time}`, overdue };
}

function localDateIn(iso: string, timeZone?: string): string {
  if (!timeZone) return localDate(new Date(iso));
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(iso));
  return parts;
}

/** Tomorrow's date (for "snooze until tomorrow"). */
export function tomorrowOf(today: string): string {
  return addDays(today, 1);
}

export function inDays(today: string, n: number): string {
  return addDays(today, n);
}
