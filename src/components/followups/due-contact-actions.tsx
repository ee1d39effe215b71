"use client";

import { useState } from "react";
import { AlarmClock, PhoneCall } from "lucide-react";
import { api } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast-store";
import { friendlyError } from "@/components/contacts/friendly-error";
import { LogInteractionDialog } from "@/app/(app)/contacts/[id]/_components/log-interaction-dialog";
import { useInvalidateFollowups } from "./use-followups";

/**
 * The actions of a "due for contact" row: Log (the one obvious action: logging a call or
 * session resets the rhythm) and Snooze a week. A "Draft a check-in" action (the outbox)
 * belongs here too, before Log, when that feature lands.
 */
export function DueContactActions({ contactId, name }: { contactId: string; name: string }) {
  const [logging, setLogging] = useState(false);
  const [snoozing, setSnoozing] = useState(false);
  const invalidate = useInvalidateFollowups();
  const snooze = async () => {
    setSnoozing(true);
    try {
      await api.post(`/api/v1/contacts/${contactId}/rhythm/snooze`, { days: 7 });
      await invalidate();
      toast({ title: `${name} snoozed for a week`, tone: "success" });
    } catch (e) {
      toast({ title: "Could not snooze", description: friendlyError(e), tone: "error" });
    } finally {
      setSnoozing(false);
    }
  };
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        loading={snoozing}
        onClick={() => void snooze()}
        aria-label={`Snooze ${name} for a week`}
        title="Snooze a week"
      >
        <AlarmClock aria-hidden size={16} />
      </Button>
      <Button size="sm" onClick={() => setLogging(true)} aria-label={`Log a call or session with ${name}`}>
        <PhoneCall aria-hidden size={16} /> Log
      </Button>
      <LogInteractionDialog
        contactId={contactId}
        contactName={name}
        open={logging}
        onOpenChange={setLogging}
        onLogged={() => void invalidate()}
      />
    </>
  );
}
