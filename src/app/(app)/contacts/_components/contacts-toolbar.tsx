"use client";

import { Search, X } from "lucide-react";
import { FilterSelect } from "@/components/ui/filter-select";
import { Input } from "@/components/ui/input";
import { STAGES } from "@/components/ui/stage-badge";
import type { TagView } from "@/components/contacts/types";
import type { ListParams } from "./use-contact-list";

const sources = [
  ["manual", "Added by hand"],
  ["csv_import", "CSV import"],
  ["gmail_import", "Gmail"],
  ["calendar_import", "Calendar"],
  ["booking", "Online booking"],
] as const;

const sorts = [
  ["name:asc", "Name A–Z"],
  ["name:desc", "Name Z–A"],
  ["last_interaction:desc", "Recently in touch"],
  ["last_interaction:asc", "Longest without contact"],
  ["created:desc", "Newest first"],
  ["created:asc", "Oldest first"],
] as const;

const quiet = [14, 30, 45, 90, 180].map((d) => [String(d), `No contact in ${d} days`] as const);

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
        <FilterSelect
          id="f-stage"
          label="Stage"
          allLabel="All stages"
          value={params.stage}
          onChange={(stage) => onChange({ stage })}
          options={STAGES.map((s) => [s, s] as const)}
        />
        <FilterSelect
          id="f-tag"
          label="Tag"
          allLabel="All tags"
          value={params.tag}
          onChange={(tag) => onChange({ tag })}
          options={tags.map((t) => [t.id, t.name] as const)}
        />
        <FilterSelect
          id="f-source"
          label="Source"
          allLabel="Any source"
          value={params.source}
          onChange={(source) => onChange({ source })}
          options={sources}
        />
        <FilterSelect
          id="f-quiet"
          label="Last contact"
          allLabel="Any last contact"
          value={params.noContactInDays}
          onChange={(noContactInDays) => onChange({ noContactInDays })}
          options={quiet}
        />
        <FilterSelect
          id="f-sort"
          label="Sort by"
          value={`${params.sort}:${params.order}`}
          onChange={(v) => {
            const [sort, order] = v.split(":") as [ListParams["sort"], ListParams["order"]];
            onChange({ sort, order });
          }}
          options={sorts}
        />
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
