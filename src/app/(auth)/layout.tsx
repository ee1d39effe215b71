import type { ReactNode } from "react";

/** Signed-out pages: one calm card in the middle of the screen. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center text-2xl font-semibold text-primary">OmniCRM</div>
        <div className="rounded-[12px] border border-border bg-surface p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
