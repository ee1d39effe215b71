import { ContactView } from "./_components/contact-view";

export const metadata = { title: "Contact" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ContactView key={id} id={id} />;
}
