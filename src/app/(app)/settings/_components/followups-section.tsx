import { CalendarFeedSection, DigestSection, RhythmsSection } from "./followups-settings";

/** Settings → Follow-ups: keep-in-touch rhythms, the morning digest and the calendar feed. */
export function FollowupsSection() {
  return (
    <div className="space-y-6">
      <RhythmsSection />
      <DigestSection />
      <CalendarFeedSection />
    </div>
  );
}
