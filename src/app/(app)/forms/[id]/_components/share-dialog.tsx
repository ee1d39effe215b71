"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Label, Select } from "@/components/ui/input";
import { toast } from "@/components/ui/toast-store";
import { api, ApiError } from "@/lib/api-client";
import type { FormLinkDto } from "@/server/forms/schemas";

type ContactHit = { id: string; displayName: string };

/** Make a link: public (new clients) or for one client, one-time or reusable, with an optional expiry. */
export function ShareDialog({
  formId,
  open,
  onOpenChange,
}: {
  formId: string;
  open: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const [who, setWho] = useState<"public" | "client">("public");
  const [q, setQ] = useState("");
  const [contact, setContact] = useState<ContactHit | null>(null);
  const [reusable, setReusable] = useState(false);
  const [days, setDays] = useState("14");
  const [send, setSend] = useState(false);
  const [link, setLink] = useState<FormLinkDto | null>(null);
  const hits = useQuery({
    queryKey: ["contacts", "pick", q],
    enabled: who === "client" && q.trim().length > 1,
    queryFn: () =>
      api.get<{ items: ContactHit[] }>(`/api/v1/contacts?limit=8&q=${encodeURIComponent(q.trim())}`),
  });
  const create = useMutation({
    mutationFn: () =>
      api.post<FormLinkDto>(`/api/v1/forms/${formId}/links`, {
        contactId: who === "client" ? contact?.id : undefined,
        reusable,
        expiresInDays: days ? Number(days) : undefined,
        sendViaOutbox: who === "client" && send ? true : undefined,
      }),
    onSuccess: (l) => {
      setLink(l);
      if (l.outboxItemId)
        toast({ title: "An email with the link is waiting in your Outbox", tone: "success" });
    },
    onError: (e) =>
      toast({
        title: "Couldn't make the link",
        description:
          e instanceof ApiError && e.code === "unprocessable"
            ? "This client has no email address or asked not to be emailed."
            : "Please try again.",
        tone: "error",
      }),
  });
  const close = (o: boolean) => {
    if (!o) setLink(null);
    onOpenChange(o);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title="Share this form"
      description="Links are signed and work without an account."
    >
      {link ? (
        <div className="space-y-3">
          <Label htmlFor="share-url">Link</Label>
          <Input id="share-url" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
          <div className="flex gap-2">
            <Button
              variant="primary"
              onClick={() => {
                void navigator.clipboard
                  ?.writeText(link.url)
                  .then(() => toast({ title: "Link copied", tone: "success" }));
              }}
            >
              Copy link
            </Button>
            <Button onClick={() => setLink(null)}>Make another</Button>
          </div>
        </div>
      ) : (
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <div>
            <Label htmlFor="share-who">Who is it for?</Label>
            <Select
              id="share-who"
              value={who}
              onChange={(e) => setWho(e.target.value as "public" | "client")}
            >
              <option value="public">Anyone: a public link for new clients</option>
              <option value="client">One client (answers go to them)</option>
            </Select>
          </div>
          {who === "client" ? (
            <div>
              <Label htmlFor="share-contact">Client</Label>
              <Input
                id="share-contact"
                value={contact ? contact.displayName : q}
                placeholder="Type a name"
                onChange={(e) => {
                  setContact(null);
                  setQ(e.target.value);
                }}
              />
              {!contact && hits.data?.items.length ? (
                <ul className="mt-1 rounded-lg border border-border" aria-label="Matching contacts">
                  {hits.data.items.map((c) => (
                    <li key={c.id}>
                      <button
                        type="button"
                        className="w-full px-3 py-2 text-left text-sm hover:bg-bg focus-visible:bg-bg"
                        onClick={() => setContact(c)}
                      >
                        {c.displayName}
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
              <label className="mt-2 flex items-center gap-2 text-sm">
                <input type="checkbox" checked={send} onChange={(e) => setSend(e.target.checked)} />
                Put an email with the link in my Outbox (I approve before it goes)
              </label>
            </div>
          ) : null}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={reusable} onChange={(e) => setReusable(e.target.checked)} />
            Reusable (otherwise it works once)
          </label>
          <div>
            <Label htmlFor="share-days">Expires after (days, empty = never)</Label>
            <Input
              id="share-days"
              type="number"
              min={1}
              max={365}
              value={days}
              onChange={(e) => setDays(e.target.value)}
            />
          </div>
          <Button
            type="submit"
            variant="primary"
            loading={create.isPending}
            disabled={who === "client" && !contact}
          >
            Make link
          </Button>
        </form>
      )}
    </Dialog>
  );
}
