"use client";

import { useCallback, useEffect, useState } from "react";
import { api } from "@/lib/api-client";
import { friendlyError } from "@/components/contacts/friendly-error";
import type { ContactDetail } from "@/components/contacts/types";
import type { UpdateContactInput } from "@/server/contacts/schemas";

type State = { contact: ContactDetail | null; error: string | null; loaded: boolean };

/** The contact, plus a PATCH that applies locally first and rolls back if the server says no. */
export function useContact(id: string) {
  const [state, setState] = useState<State>({ contact: null, error: null, loaded: false });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api.get<ContactDetail>(`/api/v1/contacts/${id}`).then(
      (c) => !cancelled && setState({ contact: c, error: null, loaded: true }),
      (e: unknown) =>
        !cancelled && setState({ contact: null, error: friendlyError(e, "this contact"), loaded: true }),
    );
    return () => {
      cancelled = true;
    };
  }, [id, tick]);

  const update = useCallback(
    async (patch: UpdateContactInput, optimistic?: Partial<ContactDetail>) => {
      const before = state.contact;
      if (before && optimistic) setState((s) => ({ ...s, contact: { ...before, ...optimistic } }));
      try {
        const c = await api.patch<ContactDetail>(`/api/v1/contacts/${id}`, patch);
        setState((s) => ({ ...s, contact: c }));
        return c;
      } catch (e) {
        if (before) setState((s) => ({ ...s, contact: before }));
        throw e;
      }
    },
    [id, state.contact],
  );

  /** Applies a change the server already made (e.g. a new avatar URL) without refetching. */
  const patchLocal = useCallback(
    (p: Partial<ContactDetail>) =>
      setState((s) => (s.contact ? { ...s, contact: { ...s.contact, ...p } } : s)),
    [],
  );

  return { ...state, update, patchLocal, reload: () => setTick((t) => t + 1) };
}
