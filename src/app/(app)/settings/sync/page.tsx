import { PageHeader } from "@/components/shell/page-header";
import { SyncPanel } from "./_components/sync-panel";

export const metadata = { title: "Sync" };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const sp = await searchParams;
  return (
    <>
      <PageHeader
        title="Sync"
        description="Connect Gmail and Google Calendar, preview and approve imports."
      />
      <SyncPanel connected={sp.connected === "google" || sp.connected === "drive"} error={sp.error ?? null} />
    </>
  );
}
