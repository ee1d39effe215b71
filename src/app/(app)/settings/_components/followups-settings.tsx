"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/empty-state";
import { Input, Label } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/spinner";
import { STAGES } from "@/components/ui/stage-badge";
import { toast } from "@/components/ui/toast-store";
import { friendlyError } from "@/components/contacts/friendly-error";
import { useTags } from "@/components/contacts/use-tags";
import { useInvalidateFollowups } from "@/components/followups/use-followups";
import type { DigestPreview, DigestSettings } from "@/server/digest/schemas";
import type { RhythmSettings } from "@/server/rhythms/schemas";

const failed = (what: string) => (e: unknown) =>
  toast({ title: `Could not save ${what}`, description: friendlyError(e), tone: "error" });

/** Keep-in-touch defaults per stage and per tag, and the at-risk margin. */
export function RhythmsSection() {
  const q = useQuery({
    queryKey: ["settings", "rhythms"],
    queryFn: () => api.get<RhythmSettings>("/api/v1/settings/rhythms"),
  });
  return (
    <Card id="rhythms">
      <CardTitle>Keep-in-touch rhythms</CardTitle>
      <p className="mb-4 text-sm text-muted">
        How often you want to be in touch, by stage and by tag. A contact is due when their last email,
        session or call is older than this; any new contact resets it. A contact&apos;s own rhythm (on their
        Follow-ups tab) wins; otherwise the shortest default applies. Leave a field empty for no default.
      </p>
      {q.isPending ? (
        <Skeleton className="h-40" />
      ) : q.isError ? (
        <ErrorState message={friendlyError(q.error, "your rhythms")} onRetry={() => void q.refetch()} />
      ) : (
        <RhythmsForm key={q.dataUpdatedAt} data={q.data} />
      )}
    </Card>
  );
}

function RhythmsForm({ data }: { data: RhythmSettings }) {
  const { tags } = useTags();
  const invalidate = useInvalidateFollowups();
  const qc = useQueryClient();
  const [stages, setStages] = useState<Record<string, string>>(() =>
    Object.fromEntries(data.stages.map((s) => [s.stage, String(s.everyDays)])),
  );
  const [tagDays, setTagDays] = useState<Record<string, string>>(() =>
    Object.fromEntries(data.tags.map((t) => [t.tagId, String(t.everyDays)])),
  );
  const [margin, setMargin] = useState(String(data.atRiskMarginDays));
  const save = useMutation({
    mutationFn: () =>
      api.put<RhythmSettings>("/api/v1/settings/rhythms", {
        stages: Object.entries(stages)
          .filter(([, v]) => Number(v) >= 1)
          .map(([stage, v]) => ({ stage, everyDays: Number(v) })),
        tags: Object.entries(tagDays)
          .filter(([, v]) => Number(v) >= 1)
          .map(([tagId, v]) => ({ tagId, everyDays: Number(v) })),
        atRiskMarginDays: Number(margin) || 0,
      }),
    onSuccess: async (fresh) => {
      qc.setQueryData(["settings", "rhythms"], fresh);
      await invalidate();
      toast({ title: "Keep-in-touch defaults saved", tone: "success" });
    },
    onError: failed("the defaults"),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <fieldset className="mb-4 grid gap-2 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium">By stage (days)</legend>
        {STAGES.map((s) => (
          <label key={s} className="flex items-center justify-between gap-2 text-sm">
            <span>{s}</span>
            <Input
              type="number"
              min={1}
              max={730}
              className="w-24"
              aria-label={`${s}: keep in touch every (days)`}
              placeholder={data.suggestedStages[s] ? String(data.suggestedStages[s]) : "—"}
              value={stages[s] ?? ""}
              onChange={(e) => setStages((o) => ({ ...o, [s]: e.target.value }))}
            />
          </label>
        ))}
      </fieldset>
      <Button
        size="sm"
        variant="ghost"
        className="mb-4"
        onClick={() =>
          setStages(Object.fromEntries(Object.entries(data.suggestedStages).map(([k, v]) => [k, String(v)])))
        }
      >
        Fill in the suggested rhythms
      </Button>
      {tags.length ? (
        <fieldset className="mb-4 grid gap-2 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-medium">By tag (days)</legend>
          {tags.map((t) => (
            <label key={t.id} className="flex items-center justify-between gap-2 text-sm">
              <span>{t.name}</span>
              <Input
                type="number"
                min={1}
                max={730}
                className="w-24"
                aria-label={`Tag ${t.name}: keep in touch every (days)`}
                value={tagDays[t.id] ?? ""}
                onChange={(e) => setTagDays((o) => ({ ...o, [t.id]: e.target.value }))}
              />
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="mb-4 flex items-center gap-2 text-sm">
        <Label htmlFor="at-risk-margin">Suggest “At Risk Client” when a client is overdue by more than</Label>
        <Input
          id="at-risk-margin"
          type="number"
          min={0}
          max={365}
          className="w-20"
          value={margin}
          onChange={(e) => setMargin(e.target.value)}
        />
        <span>days</span>
      </div>
      <Button type="submit" variant="primary" loading={save.isPending}>
        Save rhythms
      </Button>
    </form>
  );
}

/** The morning digest: on/off, the local hour, birthdays window, and a preview. */
export function DigestSection() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ["settings", "digest"],
    queryFn: () => api.get<DigestSettings>("/api/v1/settings/digest"),
  });
  const [preview, setPreview] = useState<DigestPreview | null>(null);
  const save = useMutation({
    mutationFn: (patch: Partial<Omit<DigestSettings, "timeZone">>) =>
      api.patch<DigestSettings>("/api/v1/settings/digest", patch),
    onSuccess: (data) => {
      qc.setQueryData(["settings", "digest"], data);
      void qc.invalidateQueries({ queryKey: ["today"] });
      toast({ title: "Digest settings saved", tone: "success" });
    },
    onError: failed("the digest settings"),
  });
  const showPreview = useMutation({
    mutationFn: () => api.get<DigestPreview>("/api/v1/digest/preview"),
    onSuccess: setPreview,
    onError: (e) =>
      toast({ title: "Could not build the preview", description: friendlyError(e), tone: "error" }),
  });
  return (
    <Card id="digest">
      <CardTitle>Morning digest</CardTitle>
      {q.isPending ? (
        <Skeleton className="h-24" />
      ) : q.isError ? (
        <ErrorState
          message={friendlyError(q.error, "the digest settings")}
          onRetry={() => void q.refetch()}
        />
      ) : (
        <div className="grid gap-3 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={q.data.digestEnabled}
              onChange={(e) => save.mutate({ digestEnabled: e.target.checked })}
            />
            Email me the day&apos;s sessions, tasks, people to contact and birthdays every morning
          </label>
          <label className="flex items-center gap-2">
            At
            <select
              className="h-9 rounded-lg border border-border bg-surface px-2"
              value={q.data.digestHour}
              onChange={(e) => save.mutate({ digestHour: Number(e.target.value) })}
              aria-label="Digest hour"
            >
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={h}>
                  {String(h).padStart(2, "0")}:00
                </option>
              ))}
            </select>
            in your time zone ({q.data.timeZone}; change it in your profile)
          </label>
          <label className="flex items-center gap-2">
            Show birthdays and anniversaries
            <select
              className="h-9 rounded-lg border border-border bg-surface px-2"
              value={q.data.birthdaysAheadDays}
              onChange={(e) => save.mutate({ birthdaysAheadDays: Number(e.target.value) })}
              aria-label="Birthdays ahead"
            >
              {[0, 3, 7, 14, 30].map((d) => (
                <option key={d} value={d}>
                  {d === 0 ? "on the day" : `${d} days ahead`}
                </option>
              ))}
            </select>
          </label>
          <div>
            <Button size="sm" loading={showPreview.isPending} onClick={() => showPreview.mutate()}>
              Preview today&apos;s digest
            </Button>
          </div>
        </div>
      )}
      <Dialog
        open={Boolean(preview)}
        onOpenChange={(o) => !o && setPreview(null)}
        title={preview?.subject ?? "Digest"}
        wide
      >
        {preview?.empty ? (
          <p className="mb-2 text-sm text-muted">Nothing is due today, so no digest would be sent.</p>
        ) : null}
        <pre className="whitespace-pre-wrap text-sm">{preview?.text}</pre>
      </Dialog>
    </Card>
  );
}

/** The secret calendar-feed URL (shown once; rotating replaces it, turning off revokes it). */
export function CalendarFeedSection() {
  const qc = useQueryClient();
  const status = useQuery({
    queryKey: ["feeds"],
    queryFn: () => api.get<{ active: boolean; createdAt: string | null }>("/api/v1/feeds"),
  });
  const [url, setUrl] = useState<string | null>(null);
  const rotate = useMutation({
    mutationFn: () => api.post<{ url: string }>("/api/v1/feeds"),
    onSuccess: async (r) => {
      setUrl(r.url);
      await qc.invalidateQueries({ queryKey: ["feeds"] });
    },
    onError: failed("the feed"),
  });
  const revoke = useMutation({
    mutationFn: () => api.delete("/api/v1/feeds"),
    onSuccess: async () => {
      setUrl(null);
      await qc.invalidateQueries({ queryKey: ["feeds"] });
      toast({ title: "Calendar feed turned off", tone: "success" });
    },
    onError: failed("the feed"),
  });
  const active = status.data?.active ?? false;
  return (
    <Card id="calendar-feed">
      <CardTitle>Calendar feed</CardTitle>
      <p className="mb-3 text-sm text-muted">
        Subscribe from Google or Apple Calendar to see your dated tasks and the people due for contact. The
        link is secret: anyone with it can read those items, so keep it to yourself. Making a new link turns
        the old one off.
      </p>
      {status.isError ? (
        <ErrorState message={friendlyError(status.error, "the feed")} onRetry={() => void status.refetch()} />
      ) : (
        <div className="grid gap-3">
          {url ? (
            <div>
              <Label htmlFor="feed-url">Your feed URL (copy it now: it is shown only once)</Label>
              <Input
                id="feed-url"
                readOnly
                value={url}
                onFocus={(e) => e.currentTarget.select()}
                data-testid="feed-url"
              />
            </div>
          ) : active ? (
            <p className="text-sm">
              A feed is on (created {new Date(status.data!.createdAt!).toLocaleDateString()}).
            </p>
          ) : null}
          <div className="flex gap-2">
            <Button variant="primary" loading={rotate.isPending} onClick={() => rotate.mutate()}>
              {active ? "Make a new link" : "Create a feed link"}
            </Button>
            {active ? (
              <Button variant="ghost" loading={revoke.isPending} onClick={() => revoke.mutate()}>
                Turn off
              </Button>
            ) : null}
          </div>
        </div>
      )}
    </Card>
  );
}
