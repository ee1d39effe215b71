"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { activeHref, navItems } from "./nav-items";

/** Left sidebar on desktop, bottom bar on phones. `footer` holds the user menu. */
export function Sidebar({ footer }: { footer?: ReactNode }) {
  const active = activeHref(usePathname() ?? "/");
  return (
    <nav
      aria-label="Main"
      className="fixed inset-x-0 bottom-0 z-20 flex border-t border-border bg-surface md:inset-y-0 md:left-0 md:right-auto md:w-56 md:flex-col md:border-r md:border-t-0"
    >
      <div className="hidden px-5 py-5 text-lg font-semibold text-primary md:block">OmniCRM</div>
      <ul className="flex flex-1 justify-around md:flex-col md:justify-start md:gap-1 md:px-3">
        {navItems.map(({ href, label, icon: Icon }) => {
          const isActive = href === active;
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={isActive ? "page" : undefined}
                className={`flex flex-col items-center gap-1 rounded-lg px-3 py-2 text-xs md:flex-row md:gap-3 md:text-sm ${
                  isActive
                    ? "bg-primary/10 font-medium text-primary-hover"
                    : "text-muted hover:bg-bg hover:text-text"
                }`}
              >
                <Icon aria-hidden size={18} />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
      {footer ? <div className="hidden border-t border-border p-3 md:block">{footer}</div> : null}
    </nav>
  );
}
