import type { CalendarPreview, GmailPreview, Service } from "./types";

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
        contacts created (as Prospects).
      </p>
      {"countByLabel" in preview && Object.keys(preview.countByLabel).length ? (
        <p className="mt-1 text-xs text-muted">
          In the newest messages:{" "}
          {Object.entries(preview.countByLabel)
            .sort((a, b) => b[1] - a[1])
            .slice(0, 6)
            .map(([l, n]) => `${l.replace(/^CATEGORY_/, "").toLowerCase()} ${n}`)
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
