"use client";

import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu } from "@/components/ui/dropdown-menu";
import { listUrl, type ListParams } from "./use-contact-list";

// Export endpoints as the UI expects them (exports contracts not written yet): the CSV/vCard
// exports honour the current filters; JSON is everything the user owns.
export function exportUrl(params: ListParams, format: "csv" | "vcard"): string {
  const u = listUrl(params, undefined, "/api/v1/exports/contacts");
  return u.replace("limit=50", `format=${format}`);
}

export function ExportMenu({ params }: { params: ListParams }) {
  const go = (href: string) => window.location.assign(href);
  return (
    <DropdownMenu
      align="end"
      label="Download"
      trigger={
        <Button size="md">
          <Download aria-hidden size={16} /> Export
        </Button>
      }
      items={[
        { label: "Contacts as CSV", onSelect: () => go(exportUrl(params, "csv")) },
        { label: "Contacts as vCard (.vcf)", onSelect: () => go(exportUrl(params, "vcard")) },
        { label: "All my data (JSON)", onSelect: () => go("/api/v1/exports/data") },
      ]}
    />
  );
}
