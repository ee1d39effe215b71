"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { FileUp, GitMerge, Plus, Trash2 } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState } from "@/components/ui/empty-state";
import { Skeleton, Spinner } from "@/components/ui/spinner";
import { PageHeader } from "@/components/shell/page-header";
import { NEW_CONTACT_EVENT } from "@/components/shell/shortcuts";
import { QuickAddDialog } from "@/components/contacts/quick-add-dialog";
import { useTags } from "@/components/contacts/use-tags";
import { useDebounced } from "@/lib/use-debounced";
import { BulkBar } from "./bulk-bar";
import { ContactCards } from "./contact-cards";
import { contactColumns, sortHeader } from "./contact-columns";
import { ContactsEmpty } from "./contacts-empty";
import { ContactsToolbar } from "./contacts-toolbar";
import { ExportMenu } from "./export-menu";
import { ImportDialog } from "./import-dialog";
import { defaultParams, useContactList, type ListParams } from "./use-contact-list";
import { useListKeys } from "./use-list-keys";

export function ContactsView() {
  const router = useRouter();
  const search = useSearchParams();
  // Links from the dashboard pre-set filters (?stage=…, ?noContactInDays=…).
  const [params, setParams] = useState<ListParams>(() => ({
    ...defaultParams,
    stage: search.get("stage") ?? "",
    tag: search.get("tag") ?? "",
    noContactInDays: search.get("noContactInDays") ?? "",
    q: search.get("q") ?? "",
  }));
  const q = useDebounced(params.q, 250);
  const effective = { ...params, q };
  const list = useContactList(effective);
  const { tags, reload: reloadTags } = useTags();
  const [selection, setSelection] = useState<Record<string, boolean>>({});
  const [adding, setAdding] = useState(search.get("new") === "1");
  const [importing, setImporting] = useState(false);
  const selectedIds = Object.keys(selection).filter((id) => selection[id]);

  useEffect(() => {
    const onNew = (e: Event) => {
      e.preventDefault();
      setAdding(true);
    };
    window.addEventListener(NEW_CONTACT_EVENT, onNew);
    if (search.get("focus") === "search") document.getElementById("contact-search")?.focus();
    return () => window.removeEventListener(NEW_CONTACT_EVENT, onNew);
  }, [search]);

  const open = useCallback(
    (i: number) => {
      const c = list.items[i];
      if (c) router.push(`/contacts/${c.id}`);
    },
    [list.items, router],
  );
  const toggle = useCallback((id: string) => setSelection((s) => ({ ...s, [id]: !s[id] })), []);
  const toggleAt = useCallback(
    (i: number) => {
      const c = list.items[i];
      if (c) toggle(c.id);
    },
    [list.items, toggle],
  );
  const active = useListKeys(list.items.length, open, toggleAt);

  const change = (p: Partial<ListParams>) => {
    setParams((old) => ({ ...old, ...p }));
    setSelection({});
  };
  const onSort = (sort: ListParams["sort"]) =>
    change({
      sort,
      order:
        params.sort === sort ? (params.order === "asc" ? "desc" : "asc") : sort === "name" ? "asc" : "desc",
    });

  const filtering = !!(q || params.stage || params.tag || params.source || params.noContactInDays);
  const firstRun = !list.loading && !list.error && !filtering && list.items.length === 0;

  return (
    <>
      <PageHeader
        title="Contacts"
        description={
          list.total !== null && !firstRun
            ? `${list.total} ${filtering ? "matching" : "in total"}`
            : "Everyone you work with, in one place."
        }
        action={
          <div className="flex flex-wrap gap-2">
            <Link href="/contacts/duplicates" className={buttonClass("ghost")}>
              <GitMerge aria-hidden size={16} /> Duplicates
            </Link>
            <Link href="/contacts/trash" className={buttonClass("ghost")}>
              <Trash2 aria-hidden size={16} /> Trash
            </Link>
            <Button onClick={() => setImporting(true)}>
              <FileUp aria-hidden size={16} /> Import
            </Button>
            <ExportMenu params={effective} />
            <Button variant="primary" onClick={() => setAdding(true)} title="New contact (n)">
              <Plus aria-hidden size={16} /> New contact
            </Button>
          </div>
        }
      />
      {firstRun ? (
        <ContactsEmpty onAdd={() => setAdding(true)} onImport={() => setImporting(true)} />
      ) : (
        <>
          <ContactsToolbar params={params} onChange={change} tags={tags} />
          {selectedIds.length ? (
            <BulkBar
              ids={selectedIds}
              tags={tags}
              onClear={() => setSelection({})}
              update={list.update}
              reload={() => {
                list.reload();
                reloadTags();
              }}
            />
          ) : null}
          {list.error ? <ErrorState message={list.error} onRetry={list.reload} /> : null}
          {list.loading && !list.items.length ? (
            <div className="space-y-2" role="status" aria-label="Loading contacts">
              {Array.from({ length: 6 }, (_, i) => (
                <Skeleton key={i} className="h-12 w-full" />
              ))}
            </div>
          ) : !list.error && list.items.length === 0 ? (
            <p className="rounded-[12px] border border-border bg-surface p-6 text-center text-muted">
              No contacts match. Try fewer filters or a different search.
            </p>
          ) : (
            <div aria-busy={list.loading} className={list.loading ? "opacity-60" : undefined}>
              <div className="hidden md:block">
                <DataTable
                  caption="Contacts"
                  data={list.items}
                  columns={contactColumns}
                  getRowId={(c) => c.id}
                  selection={selection}
                  onSelectionChange={setSelection}
                  activeIndex={active}
                  onRowOpen={(c) => router.push(`/contacts/${c.id}`)}
                  renderHeader={sortHeader(params, onSort)}
                />
              </div>
              <div className="md:hidden">
                <ContactCards
                  items={list.items}
                  selection={selection}
                  onToggle={toggle}
                  activeIndex={active}
                />
              </div>
              {list.hasMore ? (
                <div className="mt-4 flex justify-center">
                  <Button onClick={() => void list.loadMore()} loading={list.loadingMore}>
                    Load more
                  </Button>
                </div>
              ) : null}
              <p className="mt-3 hidden text-xs text-muted md:block">
                Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> opens, <kbd>x</kbd> selects,{" "}
                <kbd>/</kbd> searches, <kbd>n</kbd> adds.
              </p>
            </div>
          )}
          {list.loading && list.items.length ? (
            <Spinner className="fixed right-6 top-6 text-primary" label="Updating" />
          ) : null}
        </>
      )}
      <QuickAddDialog open={adding} onOpenChange={setAdding} onCreated={() => list.reload()} />
      <ImportDialog open={importing} onOpenChange={setImporting} onDone={list.reload} />
    </>
  );
}
