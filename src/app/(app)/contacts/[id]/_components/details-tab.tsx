"use client";

import { Card } from "@/components/ui/card";
import {
  emailInput,
  phoneInput,
  updateContactInput,
  type UpdateContactInput,
} from "@/server/contacts/schemas";
import { shortDate } from "@/lib/format";
import type { ContactDetail } from "@/components/contacts/types";
import { EditableField } from "./editable-field";
import { ConsentsSection } from "./consents-section";
import { HealthContextSection } from "./health-context";
import { IdentitiesEditor } from "./identities-editor";

type Update = (patch: UpdateContactInput, optimistic?: Partial<ContactDetail>) => Promise<unknown>;

const f = updateContactInput.shape;
const sourceLabel: Record<string, string> = {
  manual: "Added by hand",
  csv_import: "CSV import",
  gmail_import: "Gmail",
  calendar_import: "Calendar",
  booking: "Online booking",
  form: "Intake form",
};

/** Every field editable in place; each save is one PATCH validated by the API's schema. */
export function DetailsTab({ contact: c, update }: { contact: ContactDetail; update: Update }) {
  const text = (
    key: "address" | "referralSource" | "communicationPreference" | "preferredSessionTimes",
    label: string,
    multiline = false,
  ) => (
    <EditableField
      label={label}
      value={c[key]}
      schema={f[key]}
      multiline={multiline}
      onSave={(v) => update({ [key]: v }, { [key]: v })}
    />
  );
  return (
    <>
      <Card className="py-2">
        <EditableField
          label="Name"
          value={c.displayName}
          schema={f.displayName.unwrap()}
          onSave={(v) => update({ displayName: v ?? "" }, { displayName: v ?? "" })}
        />
        <IdentitiesEditor
          label="Emails"
          items={c.emails}
          inputType="email"
          schema={emailInput.shape.value}
          onSave={(emails) =>
            update({ emails }, { emails, primaryEmail: emails.find((e) => e.isPrimary)?.value ?? null })
          }
        />
        <IdentitiesEditor
          label="Phones"
          items={c.phones.map(({ value, isPrimary }) => ({ value, isPrimary }))}
          inputType="tel"
          schema={phoneInput.shape.value}
          onSave={(phones) => update({ phones })}
        />
        <EditableField
          label="Birthday"
          type="date"
          value={c.birthday}
          schema={f.birthday}
          onSave={(v) => update({ birthday: v }, { birthday: v })}
        />
        {text("address", "Address", true)}
        {text("referralSource", "Referral source")}
        {text("communicationPreference", "Communication preference")}
        {text("preferredSessionTimes", "Preferred session times")}
        <div className="grid gap-1 py-3 text-sm sm:grid-cols-[200px_1fr] sm:gap-4">
          <span className="font-medium text-muted">Source</span>
          <span className="px-3">
            {sourceLabel[c.source] ?? c.source} · added {shortDate(c.createdAt)} · updated{" "}
            {shortDate(c.updatedAt)}
          </span>
        </div>
      </Card>
      <HealthContextSection
        value={c.healthContext}
        onSave={(healthContext) => update({ healthContext }, { healthContext })}
      />
      <ConsentsSection contactId={c.id} />
    </>
  );
}
