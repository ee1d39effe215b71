"use client";

import { Search, X } from "lucide-react";
import { Input, Select } from "@/components/ui/input";
import { STAGES } from "@/components/ui/stage-badge";
import type { TagView } from "@/components/contacts/types";
import type { ListParams } from "./use-contact-list";

const sources = [
  ["manual", "Added by hand"],
  ["csv_import", "CSV import"],
  ["gmail_import", "Gmail"],
  ["calendar_import", "Calendar"],
] as const;

const sorts = [
  ["name:asc", "Name A–Z"],
  ["name:desc", "Name Z–A"],
  ["last_interaction:desc", "Recently in touch"],
  ["last_interaction:asc", "Longest without contact"],
  ["created:desc", "Newest first"],
  ["created:asc", "Oldest first"],
] as const;

/** Search-as-you-type plus filters; every control is labelled (some visually hidden). */
export function ContactsToolbar({
  params,
  onChange,
  tags,
}: {
  params: ListParams;
  onChange: (p: Partial<ListParams>) => void;
  tags: TagView[];
}) {
  const filtered = params.stage || params.tag || params.source || params.noContactInDays;
  const sel = "h-9 w-auto min-w-0 text-sm";
  return (
    <div className="mb-4 space-y-2">
      <div className="relative">
        <Search
          aria-hidden
          size={16}
          className="pointer-events-none absolute left-3 top-1/2 -translate-y-1/2 text-muted"
        />
        <label htmlFor="contact-search" className="sr-only">
          Search contacts
        </label>
        <Input
          id="contact-search"
          data-shortcut-search
          type="search"
          placeholder="Search names, emails, phones, notes…  ( / )"
          value={params.q}
          onChange={(e) => onChange({ q: e.target.value })}
          className="pl-9"
        />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor="f-stage">
          Stage
        </label>
        <Select
          id="f-stage"
          className={sel}
          value={params.stage}
          onChange={(e) => onChange({ stage: e.target.value })}
        >
          <option value="">All stages</option>
          {STAGES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </Select>
        <label className="sr-only" htmlFor="f-tag">
          Tag
        </label>
        <Select
          id="f-tag"
          className={sel}
          value={params.tag}
          onChange={(e) => onChange({ tag: e.target.value })}
        >
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
        <label className="sr-only" htmlFor="f-source">
          Source
        </label>
        <Select
          id="f-source"
          className={sel}
          value={params.source}
          onChange={(e) => onChange({ source: e.target.value })}
        >
          <option value="">Any source</option>
          {sources.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </Select>
        <label className="sr-only" htmlFor="f-quiet">
          Last contact
        </label>
        <Select
          id="f-quiet"
          className={sel}
          value={params.noContactInDays}
          onChange={(e) => onChange({ noContactInDays: e.target.value })}
        >
          <option value="">Any last contact</option>
          {[14, 30, 45, 90, 180].map((d) => (
            <option key={d} value={String(d)}>
              No contact in {d} days
            </option>
          ))}
        </Select>
        <label className="sr-only" htmlFor="f-sort">
          Sort by
        </label>
        <Select
          id="f-sort"
          className={sel}
          value={`${params.sort}:${params.order}`}
          onChange={(e) => {
            const [sort, order] = e.target.value.split(":") as [ListParams["sort"], ListParams["order"]];
            onChange({ sort, order });
          }}
        >
          {sorts.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </Select>
        {filtered ? (
          <button
            type="button"
            onClick={() => onChange({ stage: "", tag: "", source: "", noContactInDays: "" })}
            className="inline-flex items-center gap-1 rounded-lg px-2 py-1 text-sm text-muted hover:bg-surface hover:text-text"
          >
            <X aria-hidden size={14} /> Clear filters
          </button>
        ) : null}
      </div>
    </div>
  );
}
