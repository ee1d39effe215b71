import { EmailSettingsSection } from "./email-settings";
import { TemplatesSection } from "./templates-section";

/** Settings → Email: signature, send-as address, daily cap, and the message templates. */
export function EmailSection() {
  return (
    <div className="space-y-6">
      <EmailSettingsSection />
      <TemplatesSection />
    </div>
  );
}
