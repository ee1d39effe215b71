import { Suspense } from "react";
import { Skeleton } from "@/components/ui/spinner";
import { ContactsView } from "./_components/contacts-view";

export const metadata = { title: "Contacts" };

export default function Page() {
  return (
    <Suspense fallback={<Skeleton className="h-96 w-full" />}>
      <ContactsView />
    </Suspense>
  );
}
