import Link from "next/link";
import { FileUp, Plus, RefreshCw, Users } from "lucide-react";
import { Button, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** First run: three ways in, the quickest one first. */
export function ContactsEmpty({ onAdd, onImport }: { onAdd: () => void; onImport: () => void }) {
  return (
    <EmptyState
      icon={Users}
      title="No contacts yet"
      actions={
        <>
          <Button variant="primary" onClick={onAdd}>
            <Plus aria-hidden size={16} /> Add a contact
          </Button>
          <Button onClick={onImport}>
            <FileUp aria-hidden size={16} /> Import a CSV
          </Button>
          <Link href="/settings/sync" className={buttonClass("secondary")}>
            <RefreshCw aria-hidden size={16} /> Connect Google
          </Link>
        </>
      }
    >
      Add your first client by hand, bring in a spreadsheet or vCard, or connect Gmail and Calendar so OmniCRM
      finds the people you already work with.
    </EmptyState>
  );
}
