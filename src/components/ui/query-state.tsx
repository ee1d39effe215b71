"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { friendlyError } from "@/components/contacts/friendly-error";
import { ErrorState } from "./empty-state";
import { Skeleton } from "./spinner";

/**
 * The loading and error states of one query, or null once it has data: a view never shows a
 * skeleton forever — a failed or rate-limited request turns into a message with a retry.
 *
 *   const gate = queryGate(tags, "your tags");
 *   if (gate) return gate;
 */
export function queryGate(
  query: Pick<UseQueryResult<unknown>, "isPending" | "error" | "refetch" | "data">,
  what: string,
  skeleton: ReactNode = <Skeleton className="h-24" />,
): ReactNode | null {
  if (query.error && query.data === undefined)
    return <ErrorState message={friendlyError(query.error, what)} onRetry={() => void query.refetch()} />;
  if (query.isPending)
    return (
      <div role="status">
        <span className="sr-only">Loading {what}…</span>
        {skeleton}
      </div>
    );
  return null;
}
