import { PageHeader } from "@/components/shell/page-header";
import { OutboxView } from "./_components/outbox-view";

export const metadata = { title: "Outbox" };

export default function Page() {
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Emails waiting for your approval. Nothing leaves until you approve it."
      />
      <OutboxView />
    </>
  );
}
