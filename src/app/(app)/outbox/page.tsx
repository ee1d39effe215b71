import { PageHeader } from "@/components/shell/page-header";
import { OutboxView } from "./_components/outbox-view";

export const metadata = { title: "Outbox" };

export default async function Page({ searchParams }: { searchParams: Promise<{ sendAllowed?: string }> }) {
  // Back from Google's incremental consent (gmail.send granted).
  const { sendAllowed } = await searchParams;
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Emails waiting for your approval. Nothing leaves until you approve it."
      />
      <OutboxView sendAllowed={sendAllowed === "1"} />
    </>
  );
}
