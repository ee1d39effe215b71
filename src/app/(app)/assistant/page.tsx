import { PageHeader } from "@/components/shell/page-header";
import { AssistantView } from "./_components/assistant-view";

export const metadata = { title: "Assistant" };

export default function Page() {
  return (
    <>
      <PageHeader title="Assistant" description="Ask about your clients and get suggested next steps." />
      <AssistantView />
    </>
  );
}
