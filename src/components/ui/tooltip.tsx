"use client";

import { Tooltip as T } from "radix-ui";
import type { ReactNode } from "react";

/** Hover/focus hint. The trigger must be focusable and already have an accessible name. */
export function Tooltip({ content, children }: { content: ReactNode; children: ReactNode }) {
  return (
    <T.Provider delayDuration={300}>
      <T.Root>
        <T.Trigger asChild>{children}</T.Trigger>
        <T.Portal>
          <T.Content sideOffset={4} className="z-50 rounded-md bg-text px-2 py-1 text-xs text-surface shadow">
            {content}
          </T.Content>
        </T.Portal>
      </T.Root>
    </T.Provider>
  );
}
