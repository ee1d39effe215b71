import { PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "Assistant" };

export default function Page() {
  return <PageHeader title="Assistant" description="Ask about your clients and get suggested next steps." />;
}
