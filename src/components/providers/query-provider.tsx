"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ApiError } from "@/lib/api-client";

// A client error (4xx) will not change on retry, and retrying a 429 only deepens the
// rate limit; network errors and 5xx get two more tries with TanStack's backoff.
function shouldRetry(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

/**
 * The one data-fetching cache of the app (TanStack Query): de-duplicates identical
 * requests across components, keeps answers for 30 s so navigating back does not refetch,
 * and refetches on window focus. Views read through `useQuery` with `api.get` and show
 * loading, empty and error (with retry) states.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: true },
          mutations: { retry: false },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
