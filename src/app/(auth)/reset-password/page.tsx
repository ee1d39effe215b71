import { RequestResetForm, SetPasswordForm } from "../_components/reset-forms";

export const metadata = { title: "Reset password" };

export default async function Page({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return token ? <SetPasswordForm token={token} /> : <RequestResetForm />;
}
