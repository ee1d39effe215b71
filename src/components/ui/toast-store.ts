// A tiny module-level toast queue: any client code can call toast() without a provider,
// and toasts survive client-side navigation (e.g. delete on the contact page → Undo on the list).

export type ToastInput = {
  title: string;
  description?: string;
  tone?: "default" | "success" | "error";
  /** e.g. Undo. The toast closes once the action has run. */
  action?: { label: string; onClick: () => void | Promise<void> };
  durationMs?: number;
};
export type ToastItem = ToastInput & { id: number };

let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function toast(input: ToastInput): number {
  const id = nextId++;
  items = [...items.slice(-3), { ...input, id }];
  emit();
  const ms = input.durationMs ?? (input.action ? 8000 : 5000);
  setTimeout(() => dismissToast(id), ms);
  return id;
}

export function dismissToast(id: number) {
  if (!items.some((t) => t.id === id)) return;
  items = items.filter((t) => t.id !== id);
  emit();
}

export function subscribeToasts(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export const getToasts = () => items;
const empty: ToastItem[] = [];
export const getServerToasts = () => empty;
