"use client";

import { useSyncExternalStore } from "react";
import { CheckCircle2, AlertCircle, X } from "lucide-react";
import { dismissToast, getServerToasts, getToasts, subscribeToasts } from "./toast-store";
import { cn } from "./cn";

/** Renders queued toasts bottom-right (above the phone bottom bar). Mount once per page tree. */
export function Toaster() {
  const toasts = useSyncExternalStore(subscribeToasts, getToasts, getServerToasts);
  return (
    <div
      aria-live="polite"
      className="pointer-events-none fixed inset-x-3 bottom-20 z-[60] flex flex-col items-end gap-2 md:bottom-6 md:left-auto md:right-6"
    >
      {toasts.map((t) => (
        <div
          key={t.id}
          role={t.tone === "error" ? "alert" : "status"}
          className="pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border border-border bg-surface p-3 shadow-lg"
        >
          {t.tone === "error" ? (
            <AlertCircle aria-hidden size={18} className="mt-0.5 shrink-0 text-danger" />
          ) : (
            <CheckCircle2 aria-hidden size={18} className="mt-0.5 shrink-0 text-success" />
          )}
          <div className="min-w-0 flex-1 text-sm">
            <p className="font-medium">{t.title}</p>
            {t.description ? <p className="mt-0.5 text-muted">{t.description}</p> : null}
          </div>
          {t.action ? (
            <button
              type="button"
              className={cn("shrink-0 rounded-md px-2 py-1 text-sm font-semibold text-primary hover:bg-bg")}
              onClick={() => {
                dismissToast(t.id);
                void t.action?.onClick();
              }}
            >
              {t.action.label}
            </button>
          ) : null}
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => dismissToast(t.id)}
            className="shrink-0 rounded-md p-1 text-muted hover:bg-bg"
          >
            <X aria-hidden size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
