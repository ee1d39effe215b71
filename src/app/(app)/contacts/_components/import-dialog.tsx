"use client";

import { FileUp } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Label } from "@/components/ui/input";
import { toast } from "@/components/ui/toast-store";
import { friendlyError } from "@/components/contacts/friendly-error";
import { commitImport, MAX_IMPORT_BYTES, previewImport, undoImport, type ImportPreview } from "./import-api";
import { ImportPreviewView } from "./import-preview";

const skippedText = (n: number) => (n ? `${n} row${n === 1 ? "" : "s"} skipped.` : undefined);

/** Upload → preview (mapping, bad rows with line numbers) → confirm → toast with Undo. */
export function ImportDialog({
  open,
  onOpenChange,
  onDone,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  onDone: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [acceptBad, setAcceptBad] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = (o: boolean) => {
    onOpenChange(o);
    if (!o) {
      setFile(null);
      setPreview(null);
      setAcceptBad(false);
      setError(null);
    }
  };

  const load = async (f: File, mapping?: ImportPreview["mapping"]) => {
    setBusy(true);
    setError(null);
    try {
      setPreview(await previewImport(f, mapping));
    } catch (e) {
      setError(friendlyError(e, "that file"));
    } finally {
      setBusy(false);
    }
  };

  const pick = async (input: HTMLInputElement) => {
    const f = input.files?.[0];
    if (!f) return;
    if (f.size > MAX_IMPORT_BYTES)
      return setError("That file is larger than 5 MB. Split it into smaller files.");
    setFile(f);
    await load(f);
  };

  const confirm = async () => {
    if (!preview || !file) return;
    setBusy(true);
    try {
      const r = await commitImport(file, preview.mapping, acceptBad);
      close(false);
      onDone();
      toast({
        title: `Imported ${r.created} contact${r.created === 1 ? "" : "s"}`,
        description: skippedText(r.skipped.length + new Set(r.errors.map((e) => e.line)).size),
        tone: "success",
        durationMs: 15000,
        action: {
          label: "Undo",
          onClick: async () => {
            try {
              const u = await undoImport(r.batchId);
              toast({ title: `Import undone (${u.removed} removed)`, tone: "success" });
            } catch (e) {
              toast({ title: "Couldn't undo the import", description: friendlyError(e), tone: "error" });
            }
            onDone();
          },
        },
      });
    } catch (e) {
      setError(friendlyError(e, "that import"));
    } finally {
      setBusy(false);
    }
  };

  const bad = new Set(preview?.errors.map((e) => e.line)).size;
  const valid = preview?.validRows ?? 0;
  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title="Import contacts"
      description="CSV (including Google Contacts exports) or vCard (.vcf)."
      wide
    >
      {!preview ? (
        <div>
          <Label htmlFor="import-file">Choose a file</Label>
          <label className="flex cursor-pointer flex-col items-center gap-2 rounded-[12px] border border-dashed border-border p-8 text-center text-sm text-muted hover:bg-bg">
            <FileUp aria-hidden size={28} className="text-primary" />
            <span>{busy ? "Reading the file…" : "Pick a .csv or .vcf file (up to 5 MB)"}</span>
            <input
              id="import-file"
              type="file"
              accept=".csv,.vcf,text/csv,text/vcard"
              className="sr-only"
              onChange={(e) => void pick(e.currentTarget)}
            />
          </label>
        </div>
      ) : (
        <ImportPreviewView
          preview={preview}
          busy={busy}
          onMapping={(mapping) => file && void load(file, mapping)}
        />
      )}
      <FieldError message={error ?? undefined} />
      {preview ? (
        <div className="mt-4 space-y-3">
          {bad ? (
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-0.5 h-4 w-4"
                checked={acceptBad}
                onChange={(e) => setAcceptBad(e.target.checked)}
              />
              <span>
                Import the {valid} good rows and skip the {bad} row{bad === 1 ? "" : "s"} listed above.
              </span>
            </label>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button
              variant="primary"
              loading={busy}
              disabled={(bad > 0 && !acceptBad) || valid === 0}
              onClick={() => void confirm()}
            >
              Import {valid} contact{valid === 1 ? "" : "s"}
            </Button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
