"use client";
import { useState } from "react";
import { FolderOpen } from "lucide-react";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toast-store";
import { api, ApiError } from "@/lib/api-client";
import type { DrivePreview } from "@/server/drive/schemas";

function consentUrl(e: unknown): string | null {
  return e instanceof ApiError &&
    e.details?.reason === "drive_consent_required" &&
    typeof e.details.authorizeUrl === "string"
    ? e.details.authorizeUrl
    : null;
}

/**
 * Google Drive documents: files shared between the user and a client show on that client's
 * timeline. Drive access (file names and sharing only) is asked for the first time the
 * user previews; approving starts an import that the batches list can undo.
 */
export function DriveCard({ onChange }: { onChange: () => Promise<unknown> }) {
  const [busy, setBusy] = useState<null | "preview" | "approve">(null);
  const [preview, setPreview] = useState<DrivePreview | null>(null);
  const [authorize, setAuthorize] = useState<string | null>(null);
  const run = async (what: "preview" | "approve") => {
    setBusy(what);
    try {
      if (what === "preview") {
        setPreview(await api.post<DrivePreview>("/api/v1/sync/preview/drive"));
        setAuthorize(null);
      } else {
        const { batchId } = await api.post<{ batchId: string }>("/api/v1/sync/approve/drive");
        setPreview(null);
        toast({
          title: "Drive documents are being added",
          tone: "success",
          action: {
            label: "Undo",
            onClick: async () => {
              await api.post("/api/v1/sync/undo", { batchId });
              await onChange();
            },
          },
        });
        await onChange();
      }
    } catch (e) {
      const url = consentUrl(e);
      if (url) setAuthorize(url);
      else
        toast({
          title: "That did not work",
          description: "Google did not answer. Try again.",
          tone: "error",
        });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card data-testid="sync-card-drive">
      <CardTitle>
        <span className="inline-flex items-center gap-2">
          <FolderOpen aria-hidden className="h-4 w-4" /> Google Drive documents
        </span>
      </CardTitle>
      <p className="mt-2 text-sm">
        Documents you share with a client (or they share with you) appear on their timeline with a link to
        open them in Drive. OmniCRM sees file names and sharing only, never the contents.
      </p>
      {authorize ? (
        <p className="mt-3 text-sm">
          <a className={buttonClass("primary", "md")} href={authorize}>
            Allow Drive access
          </a>
        </p>
      ) : null}
      {preview ? (
        <div className="mt-3 text-sm" aria-live="polite">
          <p>
            {preview.count === 0
              ? "No new documents shared with your clients."
              : `${preview.count} document${preview.count === 1 ? "" : "s"} for ${preview.contacts} client${preview.contacts === 1 ? "" : "s"}.`}
          </p>
          {preview.sampleNames.length ? (
            <ul className="mt-1 list-disc pl-5 text-muted">
              {preview.sampleNames.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2">
        <Button
          variant="primary"
          loading={busy === "preview"}
          disabled={!!busy}
          onClick={() => void run("preview")}
        >
          Preview documents
        </Button>
        {preview && preview.count > 0 ? (
          <Button
            variant="secondary"
            loading={busy === "approve"}
            disabled={!!busy}
            onClick={() => void run("approve")}
          >
            Add to timelines
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
