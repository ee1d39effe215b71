"use client";

import { Camera } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { ApiError, api } from "@/lib/api-client";
import { Avatar } from "@/components/ui/avatar";
import { DropdownMenu } from "@/components/ui/dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toast-store";
import { friendlyError } from "@/components/contacts/friendly-error";
import { AVATAR_MIME_TYPES, MAX_AVATAR_BYTES } from "@/server/contacts/constants";

const MB = MAX_AVATAR_BYTES / 1024 / 1024;

function uploadError(e: unknown): string {
  if (e instanceof ApiError && e.status === 413)
    return `That photo is too large. The limit is ${MB} MB: choose a smaller one.`;
  if (e instanceof ApiError && e.status === 415)
    return "Please choose a PNG or JPEG photo. Other formats can't be resized.";
  return friendlyError(e, "this contact");
}

/**
 * The header avatar with a "change photo" menu: upload (previewed at once, resized by the
 * server to a small square) or remove. Problems are shown next to it in plain words.
 */
export function AvatarEditor({
  contactId,
  name,
  src,
  onChanged,
  onError: setError,
}: {
  contactId: string;
  name: string;
  src: string | null;
  onChanged: (avatarUrl: string | null) => void;
  /** A plain-words problem to show beside the header (null clears it). */
  onError: (message: string | null) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  const upload = async (file: File) => {
    setError(null);
    if (!(AVATAR_MIME_TYPES as readonly string[]).includes(file.type))
      return setError("Please choose a PNG or JPEG photo. Other formats can't be resized.");
    if (file.size > MAX_AVATAR_BYTES)
      return setError(`That photo is ${(file.size / 1024 / 1024).toFixed(1)} MB. The limit is ${MB} MB.`);
    setPreview(URL.createObjectURL(file));
    setBusy(true);
    try {
      const form = new FormData();
      form.set("file", file);
      const r = await api.upload<{ avatarUrl: string }>("PUT", `/api/v1/contacts/${contactId}/avatar`, form);
      onChanged(r.avatarUrl);
      toast({ title: "Photo updated", tone: "success" });
    } catch (e) {
      setError(uploadError(e));
    } finally {
      setPreview(null);
      setBusy(false);
    }
  };

  const remove = async () => {
    setError(null);
    setBusy(true);
    try {
      await api.delete(`/api/v1/contacts/${contactId}/avatar`);
      onChanged(null);
      toast({ title: "Photo removed", tone: "success" });
    } catch (e) {
      setError(friendlyError(e, "this contact"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="relative shrink-0 self-start">
      <Avatar name={name} src={preview ?? src} size={64} className={busy ? "opacity-60" : undefined} />
      {busy ? (
        <span className="absolute inset-0 flex items-center justify-center text-primary">
          <Spinner label="Saving photo" />
        </span>
      ) : null}
      <DropdownMenu
        label="Photo"
        trigger={
          <button
            type="button"
            aria-label={src ? "Change photo" : "Add a photo"}
            disabled={busy}
            className="absolute -bottom-1 -right-1 flex h-7 w-7 items-center justify-center rounded-full border border-border bg-surface text-muted shadow-sm hover:text-text"
          >
            <Camera aria-hidden size={14} />
          </button>
        }
        items={[
          { label: src ? "Upload a new photo…" : "Upload a photo…", onSelect: () => input.current?.click() },
          ...(src ? [{ label: "Remove photo", danger: true, onSelect: () => void remove() }] : []),
        ]}
      />
      <input
        ref={input}
        type="file"
        accept={AVATAR_MIME_TYPES.join(",")}
        aria-label="Contact photo"
        data-testid="avatar-input"
        hidden
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) void upload(f);
        }}
      />
    </div>
  );
}
