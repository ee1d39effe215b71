import type { ReactNode } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { QueryProvider } from "@/components/providers/query-provider";
import { PageChrome } from "@/components/shell/page-chrome";
import { Sidebar } from "@/components/shell/sidebar";
import { PhoneHeader, UserMenu } from "@/components/shell/user-menu";
import { authenticateHeaders } from "@/server/auth/authenticate";

// Every app page is behind sign-in. Checked here, server-side, against the session table
// (not in the proxy): one indexed query per page render.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await authenticateHeaders(await headers());
  if (!user) redirect("/login");
  return (
    <QueryProvider>
      <div className="min-h-screen">
        <PhoneHeader email={user.email} />
        <Sidebar footer={<UserMenu email={user.email} />} />
        <main className="mx-auto max-w-[1200px] px-4 pb-24 pt-6 md:ml-56 md:px-8 md:pb-8">{children}</main>
        <PageChrome />
      </div>
    </QueryProvider>
  );
}
