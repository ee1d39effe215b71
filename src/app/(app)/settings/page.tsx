import { PageHeader } from "@/components/shell/page-header";
import { DeleteAccountSection } from "./_components/delete-account";
import { EmailSettingsSection } from "./_components/email-settings";
import { CalendarFeedSection, DigestSection, RhythmsSection } from "./_components/followups-settings";
import { SearchIndexSection } from "./_components/search-index";
import { TemplatesSection } from "./_components/templates-section";

export const metadata = { title: "Settings" };

export default function Page() {
  return (
    <>
      <PageHeader title="Settings" description="Your account and preferences." />
      <div className="space-y-6">
        <EmailSettingsSection />
        <TemplatesSection />
        <RhythmsSection />
        <DigestSection />
        <CalendarFeedSection />
        <SearchIndexSection />
        <DeleteAccountSection />
      </div>
    </>
  );
}
