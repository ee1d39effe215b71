"use client";

import { CheckCircle2 } from "lucide-react";

/** The one "did it save?" line under a settings form: saved (briefly), or what went wrong. */
export function SaveStatus({ saved, error }: { saved: boolean; error?: string | null }) {
  if (error)
    return (
      <p role="alert" className="text-sm text-danger">
        {error}
      </p>
    );
  if (saved)
    return (
      <p role="status" className="flex items-center gap-1.5 text-sm text-success">
        <CheckCircle2 aria-hidden size={16} /> Saved
      </p>
    );
  return null;
}
