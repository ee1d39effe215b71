import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

/** Says what is missing and what to do next (usually one button). */
export function EmptyState({
  icon: Icon,
  title,
  children,
  actions,
}: {
  icon?: LucideIcon;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center rounded-[12px] border border-dashed border-border bg-surface px-6 py-12 text-center">
      {Icon ? <Icon aria-hidden size={32} className="mb-3 text-primary" /> : null}
      <h2 className="text-lg font-semibold">{title}</h2>
      {children ? <div className="mt-1 max-w-md text-muted">{children}</div> : null}
      {actions ? <div className="mt-5 flex flex-wrap justify-center gap-2">{actions}</div> : null}
    </div>
  );
}

/** A failed load, in plain words, with a retry. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="rounded-[12px] border border-danger/40 bg-surface px-5 py-4 text-sm">
      <p className="font-medium text-danger">{message}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry} className="mt-2 text-sm font-medium text-primary underline">
          Try again
        </button>
      ) : null}
    </div>
  );
}
