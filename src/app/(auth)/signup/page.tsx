import { SignupForm } from "../_components/signup-form";

export const metadata = { title: "Create account" };

export default function Page() {
  return <SignupForm />;
}
