"use client";

import { DropdownMenu as M } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "./cn";

export type MenuItem = {
  label: ReactNode;
  onSelect: () => void;
  danger?: boolean;
  checked?: boolean;
  disabled?: boolean;
};

/** A button that opens a list of actions; arrow keys move, Enter picks, Esc closes. */
export function DropdownMenu({
  trigger,
  items,
  label,
  align = "start",
}: {
  trigger: ReactNode;
  items: MenuItem[];
  label?: string;
  align?: "start" | "end";
}) {
  return (
    <M.Root>
      <M.Trigger asChild>{trigger}</M.Trigger>
      <M.Portal>
        <M.Content
          align={align}
          sideOffset={4}
          className="z-50 min-w-44 rounded-lg border border-border bg-surface p-1 shadow-lg"
        >
          {label ? <M.Label className="px-2 py-1.5 text-xs font-medium text-muted">{label}</M.Label> : null}
          {items.map((item, i) => (
            <M.Item
              key={i}
              disabled={item.disabled}
              onSelect={item.onSelect}
              className={cn(
                "flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none data-[disabled]:opacity-50 data-[highlighted]:bg-bg",
                item.danger ? "text-danger" : "text-text",
                item.checked && "font-semibold",
              )}
            >
              {item.checked !== undefined ? (
                <span aria-hidden className="w-3">
                  {item.checked ? "✓" : ""}
                </span>
              ) : null}
              {item.label}
            </M.Item>
          ))}
        </M.Content>
      </M.Portal>
    </M.Root>
  );
}
