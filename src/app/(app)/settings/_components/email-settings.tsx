"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/empty-state";
import { FieldError, Input, Label, Textarea } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toast-store";
import { outboxErrorMessage, type EmailSettings } from "@/components/outbox/types";

/** Signature, daily sending limit, booking link ({{bookingLink}}), and Gmail send permission. */
export function EmailSettingsSection() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ["email-settings"],
    queryFn: () => api.get<EmailSettings>("/api/v1/settings/email"),
  });
  return (
    <Card id="email" aria-labelledby="email-settings-title">
      <CardTitle>
        <span id="email-settings-title">Email</span>
      </CardTitle>
      {q.isPending ? (
        <Skeleton className="h-40" />
      ) : q.isError ? (
        <ErrorState
          message={outboxErrorMessage(q.error, "your email settings")}
          onRetry={() => void q.refetch()}
        />
      ) : (
        <EmailSettingsForm
          key={q.dataUpdatedAt}
          data={q.data}
          onSaved={(s) => qc.setQueryData(["email-settings"], s)}
        />
      )}
    </Card>
  );
}

function EmailSettingsForm({ data, onSaved }: { data: EmailSettings; onSaved: (s: EmailSettings) => void }) {
  const [signature, setSignature] = useState(data.signature);
  const [cap, setCap] = useState(String(data.dailyCap));
  const [booking, setBooking] = useState(data.bookingLink);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      api.patch<EmailSettings>("/api/v1/settings/email", {
        signature,
        dailyCap: cap ? Number(cap) : null,
        bookingLink: booking.trim(),
      }),
    onSuccess: (s) => {
      onSaved(s);
      setError(null);
      toast({ title: "Email settings saved", tone: "success" });
    },
    onError: (e) => setError(outboxErrorMessage(e)),
  });
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <p className="text-sm text-muted">
        {data.gmail.canSend
          ? `Emails go out through Gmail as ${data.sendAs.join(", ") || "your Gmail address"}.`
          : data.gmail.connected
            ? "Gmail is connected for reading. Google asks you to allow sending the first time you approve an email."
            : "Connect Gmail on the Sync page to send email from OmniCRM."}
      </p>
      <div>
        <Label htmlFor="es-signature">Signature (Markdown, added to every email)</Label>
        <Textarea
          id="es-signature"
          rows={3}
          value={signature}
          onChange={(e) => setSignature(e.target.value)}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <Label htmlFor="es-cap">Most emails per day</Label>
          <Input
            id="es-cap"
            type="number"
            min={1}
            max={2000}
            value={cap}
            onChange={(e) => setCap(e.target.value)}
          />
        </div>
        <div>
          <Label htmlFor="es-booking">Booking link ({"{{bookingLink}}"})</Label>
          <Input
            id="es-booking"
            type="url"
            placeholder="https://"
            value={booking}
            onChange={(e) => setBooking(e.target.value)}
          />
        </div>
      </div>
      <FieldError message={error ?? undefined} />
      <Button type="submit" loading={save.isPending}>
        Save email settings
      </Button>
    </form>
  );
}
