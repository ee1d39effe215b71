import { PageHeader } from "@/components/shell/page-header";
import { FormsView } from "./_components/forms-view";

export const metadata = { title: "Forms" };

export default function Page() {
  return (
    <>
      <PageHeader
        title="Forms"
        description="Intake forms, health questionnaires and waivers your clients fill in and sign on their phone."
      />
      <FormsView />
    </>
  );
}
