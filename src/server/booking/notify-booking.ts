import type { JobCtx } from "../jobs/define-job";
import { sendSmtpMail } from "../mail/send-smtp-mail";
import { getProfile } from "../profile/get-profile";
import { bookingIcs } from "./booking-ics";
import { clientMail, practitionerMail, type MailKind } from "./booking-mail";
import type { BookingRow } from "./booking-dto";
import { sendOnce } from "./claim-message";
import { bookingTimeZone, loadSettings } from "./get-availability";
import { loadBooking } from "./load-booking";
import { manageUrl } from "./manage-token";
import { syncBookingEvent } from "./sync-booking-event";

/**
 * The booking_notify job: the client's mail (with ICS), the practitioner's notice, then the
 * Google event. Mails are claimed per (booking, kind, version), so retries never repeat one;
 * a job for an older version does nothing (the newer version's job covers it).
 */
export async function notifyBooking(ctx: JobCtx, p: { bookingId: string; version: number }): Promise<void> {
  const b = await loadBooking(ctx, p.bookingId);
  if (!b || b.version !== p.version) return;
  const kind: MailKind =
    b.status === "cancelled" ? "cancelled" : b.version === 1 ? "confirmation" : "rescheduled";
  if (b.kind === "booking") {
    await sendClientMail(ctx, b, kind);
    await sendNotice(ctx, b, kind);
  }
  await syncBookingEvent(ctx, b);
}

export async function practitionerInfo(ctx: JobCtx) {
  const [profile, settings] = await Promise.all([getProfile(ctx), loadSettings(ctx)]);
  return {
    name: settings.displayName ?? profile.name ?? profile.email,
    email: profile.email,
    zone: await bookingTimeZone(ctx, settings),
  };
}

export async function sendClientMail(ctx: JobCtx, b: BookingRow, kind: MailKind): Promise<void> {
  const email = b.clientEmail;
  if (!email) return;
  await sendOnce(ctx, { bookingId: b.id, kind, version: b.version }, async (messageId) => {
    const who = await practitionerInfo(ctx);
    const link = manageUrl(b.id);
    const content = clientMail(kind, b, { practitionerName: who.name, zone: who.zone, manageLink: link });
    const ics = bookingIcs(b, { name: who.name, email: who.email }, link);
    const method = b.status === "cancelled" ? "CANCEL" : "REQUEST";
    await sendSmtpMail({
      to: email,
      ...content,
      replyTo: who.email,
      messageId,
      // The invitation twice: as the calendar part mail apps turn into Accept/Add buttons,
      // and as a booking.ics attachment any client can open or import.
      icalEvent: { method, filename: "booking.ics", content: ics },
      attachments: [
        { filename: "booking.ics", content: ics, contentType: `application/ics; method=${method}` },
      ],
    });
  });
}

async function sendNotice(ctx: JobCtx, b: BookingRow, kind: MailKind): Promise<void> {
  await sendOnce(ctx, { bookingId: b.id, kind: `notice:${kind}`, version: b.version }, async (messageId) => {
    const who = await practitionerInfo(ctx);
    await sendSmtpMail({ to: who.email, ...practitionerMail(kind, b, who.zone), messageId });
  });
}
