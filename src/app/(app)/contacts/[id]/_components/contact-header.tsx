"use client";

import { useRouter } from "next/navigation";
import {
  CalendarCheck,
  ChevronDown,
  Mail,
  MoreHorizontal,
  Phone,
  Plus,
  StickyNote,
  Trash2,
  X,
} from "lucide-react";
import { useState } from "react";
import { api } from "@/lib/api-client";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { DropdownMenu } from "@/components/ui/dropdown-menu";
import { STAGES, StageBadge } from "@/components/ui/stage-badge";
import { toast } from "@/components/ui/toast-store";
import { friendlyError } from "@/components/contacts/friendly-error";
import type { ContactDetail, TagView } from "@/components/contacts/types";
import type { UpdateContactInput } from "@/server/contacts/schemas";
import { AvatarEditor } from "./avatar-editor";

type Update = (patch: UpdateContactInput, optimistic?: Partial<ContactDetail>) => Promise<unknown>;

/** Avatar, name, stage (changeable), tags (add/remove) and the quick actions. */
export function ContactHeader({
  contact: c,
  tags,
  update,
  onAddNote,
  onLog,
  onEmail,
  onAvatarChanged,
}: {
  contact: ContactDetail;
  tags: TagView[];
  update: Update;
  onAddNote: () => void;
  onLog: () => void;
  onEmail: () => void;
  onAvatarChanged: (avatarUrl: string | null) => void;
}) {
  const router = useRouter();
  const [photoError, setPhotoError] = useState<string | null>(null);
  const tried = (p: Promise<unknown>, what: string) =>
    p.catch((e: unknown) =>
      toast({ title: `Couldn't ${what}`, description: friendlyError(e), tone: "error" }),
    );

  const setStage = (stage: (typeof STAGES)[number]) =>
    void tried(
      update({ stage }, { stage }).then(() =>
        toast({ title: `${c.displayName} is now ${stage}`, tone: "success" }),
      ),
      "change the stage",
    );
  const setTags = (next: ContactDetail["tags"]) =>
    void tried(update({ tagIds: next.map((t) => t.id) }, { tags: next }), "update tags");

  const remove = async () => {
    try {
      await api.delete(`/api/v1/contacts/${c.id}`);
      router.push("/contacts");
      toast({
        title: `${c.displayName} deleted`,
        description: "You can restore them for 30 days.",
        tone: "success",
        action: {
          label: "Undo",
          onClick: async () => {
            try {
              await api.post(`/api/v1/contacts/${c.id}/restore`);
              router.push(`/contacts/${c.id}`);
            } catch (e) {
              toast({ title: "Couldn't restore", description: friendlyError(e), tone: "error" });
            }
          },
        },
      });
    } catch (e) {
      toast({ title: "Couldn't delete", description: friendlyError(e), tone: "error" });
    }
  };

  const unused = tags.filter((t) => !c.tags.some((x) => x.id === t.id));
  return (
    <header className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-start">
      <AvatarEditor
        contactId={c.id}
        name={c.displayName}
        src={c.avatarUrl}
        onChanged={onAvatarChanged}
        onError={setPhotoError}
      />
      <div className="min-w-0 flex-1">
        <h1 className="truncate text-2xl font-semibold">{c.displayName}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <DropdownMenu
            label="Change stage"
            trigger={
              <button
                type="button"
                aria-label={`Stage: ${c.stage}. Change stage`}
                className="inline-flex items-center gap-1 rounded-full"
              >
                <StageBadge stage={c.stage} />
                <ChevronDown aria-hidden size={14} className="text-muted" />
              </button>
            }
            items={STAGES.map((s) => ({ label: s, checked: s === c.stage, onSelect: () => setStage(s) }))}
          />
          {c.tags.map((t) => (
            <Badge key={t.id} color={t.color} className="pr-1">
              <span className="inline-flex items-center gap-1">
                {t.name}
                <button
                  type="button"
                  aria-label={`Remove tag ${t.name}`}
                  onClick={() => setTags(c.tags.filter((x) => x.id !== t.id))}
                  className="rounded-full p-0.5 text-muted hover:bg-bg hover:text-text"
                >
                  <X aria-hidden size={12} />
                </button>
              </span>
            </Badge>
          ))}
          {unused.length ? (
            <DropdownMenu
              label="Add a tag"
              trigger={
                <button
                  type="button"
                  className="inline-flex items-center gap-1 rounded-full border border-dashed border-border px-2 py-0.5 text-xs text-muted hover:text-text"
                >
                  <Plus aria-hidden size={12} /> Tag
                </button>
              }
              items={unused.map((t) => ({
                label: t.name,
                onSelect: () => setTags([...c.tags, { id: t.id, name: t.name, color: t.color }]),
              }))}
            />
          ) : null}
        </div>
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
          {c.primaryEmail ? <span>{c.primaryEmail}</span> : null}
          {c.primaryPhone ? <span>{c.primaryPhone}</span> : null}
        </p>
        {photoError ? (
          <p role="alert" className="mt-2 text-sm text-danger">
            {photoError}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={onAddNote}>
          <StickyNote aria-hidden size={16} /> Add note
        </Button>
        <Button onClick={onLog}>
          <CalendarCheck aria-hidden size={16} /> Log session
        </Button>
        {c.primaryEmail ? (
          <Button onClick={onEmail}>
            <Mail aria-hidden size={16} /> Email
          </Button>
        ) : null}
        {c.primaryPhone ? (
          <a href={`tel:${c.primaryPhone}`} className={buttonClass("secondary", "md", "sm:hidden")}>
            <Phone aria-hidden size={16} /> Call
          </a>
        ) : null}
        <DropdownMenu
          align="end"
          trigger={
            <Button size="icon" aria-label="More actions">
              <MoreHorizontal aria-hidden size={16} />
            </Button>
          }
          items={[
            ...STAGES.filter((s) => s !== c.stage).map((s) => ({
              label: `Move to ${s}`,
              onSelect: () => setStage(s),
            })),
            {
              label: (
                <span className="inline-flex items-center gap-2">
                  <Trash2 aria-hidden size={14} /> Delete contact
                </span>
              ),
              danger: true,
              onSelect: () => void remove(),
            },
          ]}
        />
      </div>
    </header>
  );
}
