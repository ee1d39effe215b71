import { TrashView } from "./_components/trash-view";

export const metadata = { title: "Trash" };

export default function Page() {
  return <TrashView />;
}
