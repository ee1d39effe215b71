import { DuplicatesView } from "./_components/duplicates-view";

export const metadata = { title: "Possible duplicates" };

export default function Page() {
  return <DuplicatesView />;
}
