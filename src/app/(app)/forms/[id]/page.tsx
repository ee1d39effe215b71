import { FormBuilder } from "./_components/form-builder";

export const metadata = { title: "Form" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <FormBuilder id={id} />;
}
