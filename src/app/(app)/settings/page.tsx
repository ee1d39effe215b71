import { PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "Settings" };

export default function Page() {
  return <PageHeader title="Settings" description="Your account and preferences." />;
}
