import type { CalendarPreview, GmailPreview, Service } from "./types";

/** System labels read better as words ("CATEGORY_PROMOTIONS" → "promotions"); user labels keep their name. */
const labelName = (name: string) =>
  /^[A-Z_]+$/.test(name) ? name.replace(/^CATEGORY_/, "").toLowerCase() : name;

/** What an approved import would bring, in words and numbers. */
export function PreviewResult({
  service,
  preview,
}: {
  service: Service;
  preview: GmailPreview | CalendarPreview;
}) {
  const total = "estimatedTotal" in preview ? preview.estimatedTotal : preview.count;
  const samples = "sampleSubjects" in preview ? preview.sampleSubjects : preview.sampleTitles;
  return (
    <div
      className="mt-4 rounded-lg border border-border bg-bg p-3 text-sm"
      data-testid={`preview-${service}`}
    >
      <p>
        About <strong className="tabular-nums">{total}</strong> {service === "gmail" ? "emails" : "events"}{" "}
        would be imported and <strong className="tabular-nums">{preview.newContacts.length}</strong> new
        contacts created (as Prospects)
        {"sampleSize" in preview && preview.sampleSize < total
          ? `, judging by the newest ${preview.sampleSize} messages (older mail may add more).`
          : "."}
      </p>
      {"labels" in preview && preview.labels.length ? (
        <p className="mt-1 text-xs text-muted">
          Labels in your mailbox (all mail, before your filters):{" "}
          {preview.labels
            .slice(0, 6)
            .map((l) => `${labelName(l.name)} ${l.messagesTotal.toLocaleString()}`)
            .join(" · ")}
        </p>
      ) : null}
      {samples.length ? (
        <ul className="mt-2 list-disc pl-5 text-muted">
          {samples.slice(0, 5).map((s, i) => (
            <li key={i} className="truncate">
              {s}
            </li>
          ))}
        </ul>
      ) : null}
      {preview.newContacts.length ? (
        <p className="mt-2 text-xs text-muted">
          New contacts:{" "}
          {preview.newContacts
            .slice(0, 8)
            .map((c) => c.name ?? c.email)
            .join(", ")}
          {preview.newContacts.length > 8 ? "…" : ""}
        </p>
      ) : null}
    </div>
  );
}
