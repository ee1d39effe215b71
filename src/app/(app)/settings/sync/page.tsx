import { PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "Sync" };

export default function Page() {
  return (
    <PageHeader title="Sync" description="Connect Gmail and Google Calendar, preview and approve imports." />
  );
}
