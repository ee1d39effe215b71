import { PageHeader } from "@/components/shell/page-header";
import { BookingPageSettings } from "./_components/booking-page-settings";
import { BusyCalendars } from "./_components/busy-calendars";
import { DateOverrides } from "./_components/date-overrides";
import { ServicesCard } from "./_components/services-card";
import { WeekView } from "./_components/week-view";

export const metadata = { title: "Bookings" };

export default function Page() {
  return (
    <>
      <PageHeader
        title="Bookings"
        description="Your public booking page, services, hours and the week ahead."
      />
      <div className="space-y-6">
        <WeekView />
        <BookingPageSettings />
        <DateOverrides />
        <BusyCalendars />
        <ServicesCard />
      </div>
    </>
  );
}
