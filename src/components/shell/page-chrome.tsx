import { Toaster } from "@/components/ui/toaster";
import { Shortcuts } from "./shortcuts";

/**
 * Toasts and keyboard shortcuts for the CRM pages. Rendered by each page for now because the
 * app layout is owned by the accounts work; move it into (app)/layout.tsx once (idempotent:
 * render it in one place only).
 */
export function PageChrome() {
  return (
    <>
      <Toaster />
      <Shortcuts />
    </>
  );
}
