import type { ReactNode } from "react";
import { cn } from "./cn";

/** Small neutral pill; pass `color` (a tag's #RRGGBB) for a coloured dot. */
export function Badge({
  children,
  color,
  className,
}: {
  children: ReactNode;
  color?: string;
  className?: string;
}) {
  return (
    <span
      className={cn(
        "inline-flex max-w-full items-center gap-1.5 rounded-full border border-border bg-surface px-2 py-0.5 text-xs font-medium text-text",
        className,
      )}
    >
      {color ? (
        <span aria-hidden className="h-2 w-2 shrink-0 rounded-full" style={{ background: color }} />
      ) : null}
      <span className="truncate">{children}</span>
    </span>
  );
}
