"use client";

import type { Booking } from "./types";

const TIME: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };
const DATE_TIME: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", ...TIME };

/**
 * One booking or blocked time, as the week view and a contact's Bookings tab list them:
 * when, who or what, the service, a cancelled state said in words as well as struck through,
 * and Cancel where the list offers it.
 */
export function BookingRow({
  booking: b,
  showDate = false,
  showClient = true,
  onCancel,
}: {
  booking: Booking;
  /** The week view's column already says the day; a contact's list needs the date. */
  showDate?: boolean;
  /** On a contact's page the client is that contact. */
  showClient?: boolean;
  onCancel?: (id: string) => void;
}) {
  const cancelled = b.status === "cancelled";
  const when = new Date(b.start).toLocaleString([], showDate ? DATE_TIME : TIME);
  const who = b.kind === "block" ? b.title : showClient ? (b.clientName ?? b.title) : b.title;
  const service = b.kind === "booking" && who !== b.title ? b.title : null;
  return (
    <li
      className={`rounded-[8px] border px-2 py-1 ${cancelled ? "border-border text-muted" : "border-primary/50"}`}
    >
      <span className={`font-medium ${cancelled ? "line-through" : ""}`}>
        {when} {who}
      </span>
      {service ? <span className="block text-xs text-muted">{service}</span> : null}
      {b.kind === "block" ? <span className="block text-xs text-muted">Blocked time</span> : null}
      {cancelled ? <span className="block text-xs">(cancelled)</span> : null}
      {onCancel && !cancelled ? (
        <button
          type="button"
          className="text-xs text-danger underline"
          onClick={() => onCancel(b.id)}
          aria-label={`Cancel ${who} at ${when}`}
        >
          Cancel
        </button>
      ) : null}
    </li>
  );
}
