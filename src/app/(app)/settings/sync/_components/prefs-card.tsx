"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";
import { toast } from "@/components/ui/toast-store";
import { api, ApiError } from "@/lib/api-client";
import { syncPrefsPatchSchema } from "@/server/sync/schemas";
import type { SyncPrefs } from "./types";

const list = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

export function PrefsCard({ prefs, onSaved }: { prefs: SyncPrefs; onSaved: (p: SyncPrefs) => void }) {
  const [form, setForm] = useState({
    gmailQuery: prefs.gmailQuery,
    gmailLabelIncludes: prefs.gmailLabelIncludes.join(", "),
    gmailLabelExcludes: prefs.gmailLabelExcludes.join(", "),
    calendarTimeWindowDays: String(prefs.calendarTimeWindowDays),
    calendarIncludePrivate: prefs.calendarIncludePrivate,
    calendarIncludeOrganizerSelf: prefs.calendarIncludeOrganizerSelf,
    contactCreationPolicy: prefs.contactCreationPolicy,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const patch = () => ({
    gmailQuery: form.gmailQuery,
    gmailLabelIncludes: list(form.gmailLabelIncludes),
    gmailLabelExcludes: list(form.gmailLabelExcludes),
    calendarTimeWindowDays: Number(form.calendarTimeWindowDays),
    calendarIncludePrivate: form.calendarIncludePrivate,
    calendarIncludeOrganizerSelf: form.calendarIncludeOrganizerSelf,
    contactCreationPolicy: form.contactCreationPolicy,
  });
  const validate = () => {
    const r = syncPrefsPatchSchema.safeParse(patch());
    const e: Record<string, string> = {};
    if (!r.success) for (const i of r.error.issues) e[String(i.path[0])] ??= i.message;
    setErrors(e);
    return r.success;
  };
  const save = async () => {
    if (!validate()) return;
    setSaving(true);
    try {
      onSaved(await api.put<SyncPrefs>("/api/v1/settings/sync/prefs", patch()));
      toast({ title: "Preferences saved", tone: "success" });
    } catch (err) {
      if (err instanceof ApiError && err.details?.fields) {
        setErrors(
          Object.fromEntries(Object.entries(err.details.fields).map(([k, v]) => [k, v[0] ?? "invalid"])),
        );
      }
      toast({ title: "Could not save", description: "Check the highlighted fields.", tone: "error" });
    } finally {
      setSaving(false);
    }
  };
  const set =
    (k: keyof typeof form) => (ev: { target: { value: string; checked?: boolean; type?: string } }) =>
      setForm((f) => ({ ...f, [k]: ev.target.type === "checkbox" ? !!ev.target.checked : ev.target.value }));
  const err = (k: string) => (errors[k] ? <p className="mt-1 text-xs text-danger">{errors[k]}</p> : null);
  return (
    <Card>
      <CardTitle>What to import</CardTitle>
      <form
        className="grid gap-4 md:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="md:col-span-2">
          <Label htmlFor="gmailQuery">Gmail search (same syntax as in Gmail)</Label>
          <Input
            id="gmailQuery"
            value={form.gmailQuery}
            onChange={set("gmailQuery")}
            onBlur={validate}
            aria-invalid={!!errors.gmailQuery}
          />
          {err("gmailQuery")}
        </div>
        <div>
          <Label htmlFor="inc">Only these labels (comma-separated, optional)</Label>
          <Input
            id="inc"
            value={form.gmailLabelIncludes}
            onChange={set("gmailLabelIncludes")}
            onBlur={validate}
          />
          {err("gmailLabelIncludes")}
        </div>
        <div>
          <Label htmlFor="exc">Skip these labels</Label>
          <Input
            id="exc"
            value={form.gmailLabelExcludes}
            onChange={set("gmailLabelExcludes")}
            onBlur={validate}
          />
          {err("gmailLabelExcludes")}
        </div>
        <div>
          <Label htmlFor="days">Calendar: days before and after today (1–365)</Label>
          <Input
            id="days"
            type="number"
            min={1}
            max={365}
            value={form.calendarTimeWindowDays}
            onChange={set("calendarTimeWindowDays")}
            onBlur={validate}
            aria-invalid={!!errors.calendarTimeWindowDays}
          />
          {err("calendarTimeWindowDays")}
        </div>
        <div>
          <Label htmlFor="policy">Create contacts for</Label>
          <Select id="policy" value={form.contactCreationPolicy} onChange={set("contactCreationPolicy")}>
            <option value="engaged">People I wrote to or met (recommended)</option>
            <option value="anyone">Anyone who wrote to me</option>
            <option value="nobody">Nobody — only link existing contacts</option>
          </Select>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={form.calendarIncludePrivate}
            onChange={set("calendarIncludePrivate")}
          />{" "}
          Include private events
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={form.calendarIncludeOrganizerSelf}
            onChange={set("calendarIncludeOrganizerSelf")}
          />{" "}
          Include events I organised
        </label>
        <div className="md:col-span-2">
          <Button type="submit" variant="secondary" loading={saving}>
            Save preferences
          </Button>
        </div>
      </form>
    </Card>
  );
}
