"use client";

import { useQuery } from "@tanstack/react-query";
import { FileCheck2, ShieldAlert } from "lucide-react";
import { Card, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/spinner";
import { api } from "@/lib/api-client";
import type { ConsentDto } from "@/server/forms/schemas";

/** The contact's signed consents (from approved intake forms), each re-verified against its hash. */
export function ConsentsSection({ contactId }: { contactId: string }) {
  const q = useQuery({
    queryKey: ["consents", contactId],
    queryFn: () => api.get<{ items: ConsentDto[] }>(`/api/v1/contacts/${contactId}/consents`),
  });
  return (
    <Card className="mt-4" aria-labelledby="consents-title">
      <CardTitle>
        <span id="consents-title">Consents</span>
      </CardTitle>
      {q.isPending ? (
        <Skeleton className="h-12" />
      ) : q.isError ? (
        <ErrorState message="Couldn't load the consents." onRetry={() => void q.refetch()} />
      ) : !q.data.items.length ? (
        <p className="text-sm text-muted">
          No signed consents yet. Send an intake form from Forms; once you approve it, the signed consent
          shows here.
        </p>
      ) : (
        <ul className="divide-y divide-border" aria-label="Signed consents">
          {q.data.items.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-3 py-3">
              {c.verified ? (
                <FileCheck2 aria-hidden className="text-success" size={20} />
              ) : (
                <ShieldAlert aria-hidden className="text-danger" size={20} />
              )}
              <div className="min-w-0 flex-1">
                <p className="font-medium">{c.formName}</p>
                <p className="text-sm text-muted">
                  Signed by {c.signerName} on {new Date(c.signedAt).toLocaleString()} · version{" "}
                  {c.consentVersion}
                  {c.ip ? ` · ${c.ip}` : ""}
                </p>
                <p className="text-sm">
                  {c.verified ? (
                    <span className="text-success">Verified: matches its SHA-256 hash</span>
                  ) : (
                    <span className="font-medium text-danger">
                      Verification failed: the record changed after signing
                    </span>
                  )}
                  {c.outdated ? (
                    <span className="text-muted"> · the consent text has changed since</span>
                  ) : null}
                </p>
              </div>
              {c.hasPdf ? (
                <a
                  className="rounded-lg border border-border px-3 py-2 text-sm font-medium hover:bg-bg"
                  href={`/api/v1/contacts/${contactId}/consents/${c.id}/pdf`}
                  download
                >
                  Signed PDF
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
