import { PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "Dashboard" };

export default function Page() {
  return (
    <PageHeader
      title="Dashboard"
      description="Your practice at a glance. Add contacts or connect Google to get started."
    />
  );
}
