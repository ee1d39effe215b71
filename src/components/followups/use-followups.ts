"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { toast } from "@/components/ui/toast-store";
import { friendlyError } from "@/components/contacts/friendly-error";
import type { TaskView } from "@/server/tasks/schemas";

export type { TaskView };
export type TaskPatch = {
  status?: "open" | "done" | "snoozed";
  snoozedUntil?: string | null;
  title?: string;
  due?: string | null;
};

/** Query keys: every follow-up view refreshes together after a change. */
export const followupKeys = {
  today: ["today"] as const,
  tasks: (filter: Record<string, string | undefined>) => ["tasks", filter] as const,
  rhythm: (contactId: string) => ["rhythm", contactId] as const,
};

export function useInvalidateFollowups() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ["today"] }),
      qc.invalidateQueries({ queryKey: ["tasks"] }),
      qc.invalidateQueries({ queryKey: ["rhythm"] }),
    ]);
}

/** PATCH a task; done/snooze answer with a toast that can undo. */
export function useUpdateTask() {
  const invalidate = useInvalidateFollowups();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TaskPatch }) =>
      api.patch<TaskView>(`/api/v1/tasks/${id}`, patch),
    onSuccess: async (task, { id, patch }) => {
      await invalidate();
      if (patch.status === "done" || patch.status === "snoozed")
        toast({
          title: patch.status === "done" ? `Done: ${task.title}` : `Snoozed: ${task.title}`,
          tone: "success",
          action: {
            label: "Undo",
            onClick: async () => {
              await api.patch(`/api/v1/tasks/${id}`, { status: "open" });
              await invalidate();
            },
          },
        });
    },
    onError: (e) =>
      toast({ title: "Could not update the task", description: friendlyError(e), tone: "error" }),
  });
}

/** Quick add in words ("Call Anna tomorrow 9am"). */
export function useQuickAdd() {
  const invalidate = useInvalidateFollowups();
  return useMutation({
    mutationFn: (input: { text: string; contactIds?: string[] }) =>
      api.post<TaskView>("/api/v1/tasks/quick", input),
    onSuccess: async (task) => {
      await invalidate();
      toast({ title: `Added: ${task.title}`, tone: "success" });
    },
    onError: (e) => toast({ title: "Could not add the task", description: friendlyError(e), tone: "error" }),
  });
}
