"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { api } from "@/lib/api-client";
import { qk } from "@/lib/query-keys";
import { friendlyError } from "@/components/contacts/friendly-error";
import type { ContactDetail } from "@/components/contacts/types";
import type { UpdateContactInput } from "@/server/contacts/schemas";

/** The contact, plus a PATCH that applies locally first and rolls back if the server says no. */
export function useContact(id: string) {
  const client = useQueryClient();
  const key = qk.contacts.detail(id);
  const query = useQuery({ queryKey: key, queryFn: () => api.get<ContactDetail>(`/api/v1/contacts/${id}`) });

  const update = useCallback(
    async (patch: UpdateContactInput, optimistic?: Partial<ContactDetail>) => {
      const k = qk.contacts.detail(id);
      const before = client.getQueryData<ContactDetail>(k);
      if (before && optimistic) client.setQueryData<ContactDetail>(k, { ...before, ...optimistic });
      try {
        const c = await api.patch<ContactDetail>(`/api/v1/contacts/${id}`, patch);
        client.setQueryData(k, c);
        // Lists, the dashboard and charts show stage, name and tags too.
        void client.invalidateQueries({ queryKey: ["contacts", "list"] });
        void client.invalidateQueries({ queryKey: qk.dashboard });
        return c;
      } catch (e) {
        if (before) client.setQueryData(k, before);
        throw e;
      }
    },
    [client, id],
  );

  /** Applies a change the server already made (e.g. a new avatar URL) without refetching. */
  const patchLocal = useCallback(
    (p: Partial<ContactDetail>) =>
      client.setQueryData<ContactDetail>(qk.contacts.detail(id), (c) => (c ? { ...c, ...p } : c)),
    [client, id],
  );

  return {
    contact: query.data ?? null,
    error: query.error ? friendlyError(query.error, "this contact") : null,
    loaded: !query.isPending,
    update,
    patchLocal,
    reload: () => void query.refetch(),
  };
}
