"use client";

import { CircleUser, LogOut, Search } from "lucide-react";
import { useState } from "react";
import { DropdownMenu } from "@/components/ui/dropdown-menu";
import { api } from "@/lib/api-client";
import { OPEN_PALETTE_EVENT } from "@/components/search/search-palette";

function useSignOut() {
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    try {
      await api.post("/api/v1/auth/sign-out");
    } finally {
      window.location.assign("/login");
    }
  };
  return { busy, signOut };
}

/** Signed-in header (desktop sidebar footer): who you are, and the way out. */
export function UserMenu({ email }: { email: string }) {
  const { busy, signOut } = useSignOut();
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

/**
 * Phones: the sidebar is a bottom bar with no room for the account, so a slim top bar
 * carries it; one thumb tap opens the email and Sign out.
 */
export function PhoneHeader({ email }: { email: string }) {
  const { busy, signOut } = useSignOut();
  return (
    <header className="sticky top-0 z-20 flex items-center justify-between border-b border-border bg-surface px-4 py-2 md:hidden">
      <span className="text-lg font-semibold text-primary">OmniCRM</span>
      <span className="flex items-center">
        <button
          type="button"
          aria-label="Search"
          onClick={() => window.dispatchEvent(new Event(OPEN_PALETTE_EVENT))}
          className="flex h-12 w-12 items-center justify-center rounded-full text-muted hover:bg-bg hover:text-text"
        >
          <Search aria-hidden size={22} />
        </button>
        <DropdownMenu
          align="end"
          label={email}
          trigger={
            <button
              type="button"
              aria-label="Account"
              className="flex h-12 w-12 items-center justify-center rounded-full text-muted hover:bg-bg hover:text-text focus-visible:outline-2 focus-visible:outline-primary"
            >
              <CircleUser aria-hidden size={24} />
            </button>
          }
          items={[
            {
              label: (
                <>
                  <LogOut aria-hidden size={16} />
                  Sign out
                </>
              ),
              onSelect: () => void signOut(),
              disabled: busy,
            },
          ]}
        />
      </span>
    </header>
  );
}
