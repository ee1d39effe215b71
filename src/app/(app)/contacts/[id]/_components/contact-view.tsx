"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { qk } from "@/lib/query-keys";
import { ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/spinner";
import { Tabs } from "@/components/ui/tabs";
import { useTags } from "@/components/contacts/use-tags";
import { BookingsTab } from "./bookings-tab";
import { ComposeEmailDialog, type ReplyTarget } from "@/components/outbox/compose-email-dialog";
import { ActivitySparkline } from "./activity-sparkline";
import { ContactHeader } from "./contact-header";
import { FilesTab } from "./files-tab";
import { FollowUpsTab } from "./followups-tab";
import { DetailsTab } from "./details-tab";
import { InsightsTab } from "./insights-tab";
import { LogInteractionDialog } from "./log-interaction-dialog";
import { NotesTab } from "./notes-tab";
import { TimelineTab } from "./timeline-tab";
import { useContact } from "./use-contact";

export function ContactView({ id }: { id: string }) {
  const { contact, error, loaded, update, patchLocal, reload } = useContact(id);
  const [logging, setLogging] = useState(false);
  const [composing, setComposing] = useState<{ replyTo: ReplyTarget | null } | null>(null);
  const { tags } = useTags();
  // The search palette opens a note or an email/session on its tab (?tab=notes).
  const initialTab = useSearchParams().get("tab");
  const [tab, setTab] = useState(
    initialTab && ["timeline", "notes", "followups", "details", "files", "insights"].includes(initialTab)
      ? initialTab
      : "timeline",
  );
  const client = useQueryClient();
  // A note or a logged session changes the timeline and the activity sparkline.
  const refreshTimeline = () => {
    void client.invalidateQueries({ queryKey: qk.contacts.timeline(id) });
    void client.invalidateQueries({ queryKey: qk.contacts.activity(id) });
  };
  const composer = useRef<HTMLTextAreaElement>(null);

  const back = (
    <Link
      href="/contacts"
      className="mb-4 inline-flex items-center gap-1 rounded text-sm text-muted hover:text-text"
    >
      <ArrowLeft aria-hidden size={14} /> Contacts
    </Link>
  );
  if (!loaded)
    return (
      <div role="status" aria-label="Loading contact">
        {back}
        <div className="mb-6 flex gap-4">
          <Skeleton className="h-16 w-16 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-7 w-60" />
            <Skeleton className="h-5 w-40" />
          </div>
        </div>
        <Skeleton className="h-64" />
      </div>
    );
  if (error || !contact)
    return (
      <div>
        {back}
        <ErrorState message={error ?? "We couldn't find this contact."} onRetry={reload} />
      </div>
    );

  const addNote = () => {
    setTab("notes");
    setTimeout(() => composer.current?.focus(), 50);
  };
  return (
    <div>
      {back}
      <ContactHeader
        contact={contact}
        tags={tags}
        update={update}
        onAddNote={addNote}
        onLog={() => setLogging(true)}
        onEmail={() => setComposing({ replyTo: null })}
        onAvatarChanged={(avatarUrl) => patchLocal({ avatarUrl })}
      />
      <div className="-mt-2 mb-4">
        <ActivitySparkline contactId={id} />
      </div>
      <LogInteractionDialog
        contactId={id}
        contactName={contact.displayName}
        open={logging}
        onOpenChange={setLogging}
        onLogged={() => {
          setTab("timeline");
          refreshTimeline();
          void client.invalidateQueries({ queryKey: qk.dashboard });
          reload();
        }}
      />
      {composing ? (
        <ComposeEmailDialog
          contact={contact}
          replyTo={composing.replyTo}
          open
          onOpenChange={(o) => !o && setComposing(null)}
        />
      ) : null}
      <Tabs
        value={tab}
        onValueChange={setTab}
        tabs={[
          {
            value: "timeline",
            label: "Timeline",
            content: (
              <TimelineTab
                contactId={id}
                onReply={contact.emails.length ? (replyTo) => setComposing({ replyTo }) : undefined}
              />
            ),
          },
          {
            value: "notes",
            label: "Notes",
            content: <NotesTab ref={composer} contactId={id} onChanged={refreshTimeline} />,
          },
          { value: "followups", label: "Follow-ups", content: <FollowUpsTab contactId={id} /> },
          { value: "details", label: "Details", content: <DetailsTab contact={contact} update={update} /> },
          {
            value: "bookings",
            label: "Bookings",
            content: <BookingsTab contactId={id} onBooked={refreshTimeline} />,
          },
          { value: "files", label: "Files", content: <FilesTab contactId={id} /> },
          { value: "insights", label: "Insights", content: <InsightsTab contactId={id} /> },
        ]}
      />
    </div>
  );
}
