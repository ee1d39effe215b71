"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label } from "@/components/ui/input";
import { queryGate } from "@/components/ui/query-state";
import { friendlyError } from "@/components/contacts/friendly-error";
import { api, ApiError } from "@/lib/api-client";
import { qk } from "@/lib/query-keys";
import { SaveStatus } from "./save-status";

type CrmSettings = { atRiskDays: number; redactNotes: boolean };
const MIN_DAYS = 7;
const MAX_DAYS = 365;

function CrmForm({ settings }: { settings: CrmSettings }) {
  const client = useQueryClient();
  const [days, setDays] = useState(String(settings.atRiskDays));
  const [redact, setRedact] = useState(settings.redactNotes);
  const [daysError, setDaysError] = useState<string>();
  const save = useMutation({
    mutationFn: (body: CrmSettings) => api.patch<CrmSettings>("/api/v1/settings/crm", body),
    onSuccess: (s) => {
      client.setQueryData(qk.settings.crm, s);
      // "Needs a follow-up" on the dashboard uses the threshold.
      void client.invalidateQueries({ queryKey: qk.dashboard });
    },
    onError: (e) => e instanceof ApiError && setDaysError(e.field("atRiskDays")),
  });
  const checkDays = (value = days) => {
    const n = Number(value);
    const ok = Number.isInteger(n) && n >= MIN_DAYS && n <= MAX_DAYS;
    setDaysError(ok ? undefined : `Enter a whole number of days from ${MIN_DAYS} to ${MAX_DAYS}.`);
    return ok;
  };
  return (
    <Card>
      <form
        noValidate
        className="grid max-w-lg gap-5"
        onSubmit={(e) => {
          e.preventDefault();
          if (checkDays()) save.mutate({ atRiskDays: Number(days), redactNotes: redact });
        }}
      >
        <div>
          <Label htmlFor="crm-days">A regular client is “at risk” after this many quiet days</Label>
          <Input
            id="crm-days"
            type="number"
            inputMode="numeric"
            min={MIN_DAYS}
            max={MAX_DAYS}
            value={days}
            onChange={(e) => {
              setDays(e.target.value);
              if (daysError) checkDays(e.target.value);
            }}
            onBlur={() => checkDays()}
            className="w-32"
            aria-invalid={daysError ? true : undefined}
            aria-describedby={daysError ? "crm-days-err" : "crm-days-help"}
          />
          <p id="crm-days-help" className="mt-1 text-sm text-muted">
            They show under “Needs a follow-up” on the dashboard and can be moved to At Risk Client.
          </p>
          <FieldError id="crm-days-err" message={daysError} />
        </div>
        <label className="flex min-h-[44px] items-start gap-3 text-sm">
          <input
            type="checkbox"
            checked={redact}
            onChange={(e) => setRedact(e.target.checked)}
            className="mt-0.5 h-5 w-5 accent-[var(--primary)]"
          />
          <span>
            <span className="font-medium">Hide card and bank account numbers in notes</span>
            <span className="block text-muted">
              Numbers that look like a payment card or IBAN are replaced before a note is saved.
            </span>
          </span>
        </label>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" loading={save.isPending}>
            Save
          </Button>
          <SaveStatus
            saved={save.isSuccess}
            error={save.error && !daysError ? friendlyError(save.error) : null}
          />
        </div>
      </form>
    </Card>
  );
}

export function CrmSection() {
  const query = useQuery({
    queryKey: qk.settings.crm,
    queryFn: () => api.get<CrmSettings>("/api/v1/settings/crm"),
  });
  const gate = queryGate(query, "your CRM settings");
  if (gate) return gate;
  return <CrmForm settings={query.data!} />;
}
