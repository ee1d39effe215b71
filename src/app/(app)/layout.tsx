import type { ReactNode } from "react";
import { Sidebar } from "@/components/shell/sidebar";

export default function AppLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <Sidebar />
      <main className="mx-auto max-w-[1200px] px-4 pb-24 pt-6 md:ml-56 md:px-8 md:pb-8">{children}</main>
    </div>
  );
}
