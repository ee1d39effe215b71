"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { MoreHorizontal, Search } from "lucide-react";
import type { ReactNode } from "react";
import { DropdownMenu } from "@/components/ui/dropdown-menu";
import { OPEN_PALETTE_EVENT } from "@/components/search/search-palette";
import { activeHref, navItems, PHONE_BAR_SLOTS } from "./nav-items";

const itemClass = (active: boolean) =>
  `flex min-h-[44px] min-w-[44px] flex-col items-center justify-center gap-1 rounded-lg px-3 py-2 text-xs md:flex-row md:justify-start md:gap-3 md:text-sm ${
    active ? "bg-primary/10 font-medium text-primary-hover" : "text-muted hover:bg-bg hover:text-text"
  }`;

/**
 * Left sidebar on desktop (the full height of the page, its links sticky while the page
 * scrolls), bottom bar on phones. Every nav item is reachable on a phone: when there are more
 * than fit, the last slot is "More". `footer` holds the user menu.
 */
export function Sidebar({ footer }: { footer?: ReactNode }) {
  const router = useRouter();
  const active = activeHref(usePathname() ?? "/");
  const overflow = navItems.length > PHONE_BAR_SLOTS;
  const barCount = overflow ? PHONE_BAR_SLOTS - 1 : navItems.length;
  const more = navItems.slice(barCount);
  return (
    <aside className="md:w-56 md:shrink-0 md:border-r md:border-border md:bg-surface">
      <nav
        aria-label="Main"
        className="fixed inset-x-0 bottom-0 z-20 flex border-t border-border bg-surface pb-[env(safe-area-inset-bottom)] md:sticky md:top-0 md:h-screen md:flex-col md:border-t-0 md:bg-transparent md:pb-0"
      >
        <div className="hidden px-5 py-5 text-lg font-semibold text-primary md:block">OmniCRM</div>
        <button
          type="button"
          onClick={() => window.dispatchEvent(new Event(OPEN_PALETTE_EVENT))}
          className="mx-3 mb-3 hidden min-h-[44px] items-center gap-3 rounded-lg border border-border px-3 text-sm text-muted hover:text-text md:flex"
        >
          <Search aria-hidden size={16} />
          <span className="flex-1 text-left">Search</span>
          <kbd className="text-xs">Ctrl K</kbd>
        </button>
        <ul className="flex flex-1 justify-around md:flex-col md:justify-start md:gap-1 md:px-3">
          {navItems.map(({ href, label, icon: Icon }, i) => {
            const isActive = href === active;
            return (
              <li key={href} className={i >= barCount ? "hidden md:block" : undefined}>
                <Link
                  href={href}
                  aria-current={isActive ? "page" : undefined}
                  className={itemClass(isActive)}
                >
                  <Icon aria-hidden size={18} />
                  {label}
                </Link>
              </li>
            );
          })}
          {overflow ? (
            <li className="md:hidden">
              <DropdownMenu
                align="end"
                label="More"
                trigger={
                  <button type="button" className={itemClass(more.some((m) => m.href === active))}>
                    <MoreHorizontal aria-hidden size={18} />
                    More
                  </button>
                }
                items={more.map((m) => ({
                  label: (
                    <>
                      <m.icon aria-hidden size={16} /> {m.label}
                    </>
                  ),
                  checked: m.href === active,
                  onSelect: () => router.push(m.href),
                }))}
              />
            </li>
          ) : null}
        </ul>
        {footer ? <div className="hidden border-t border-border p-3 md:block">{footer}</div> : null}
      </nav>
    </aside>
  );
}
