"use client";

import { LogOut } from "lucide-react";
import { useState } from "react";
import { api } from "@/lib/api-client";

/** Signed-in header: who you are, and the way out. */
export function UserMenu({ email }: { email: string }) {
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    try {
      await api.post("/api/v1/auth/sign-out");
    } finally {
      window.location.assign("/login");
    }
  };
  return (
    <div className="flex flex-col gap-1">
      <span className="truncate px-2 text-sm text-muted" title={email} data-testid="user-email">
        {email}
      </span>
      <button
        type="button"
        onClick={() => void signOut()}
        disabled={busy}
        aria-label="Sign out"
        title="Sign out"
        className="flex items-center gap-2 self-start rounded-lg px-2 py-1 text-sm text-muted hover:bg-bg hover:text-text"
      >
        <LogOut aria-hidden size={16} />
        <span>Sign out</span>
      </button>
    </div>
  );
}
