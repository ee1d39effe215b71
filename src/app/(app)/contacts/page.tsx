import { PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "Contacts" };

export default function Page() {
  return <PageHeader title="Contacts" description="Everyone you work with, in one place." />;
}
