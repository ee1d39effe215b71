import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { safeNextPath } from "@/lib/safe-redirect";
import { authenticateHeaders } from "@/server/auth/authenticate";
import { LoginForm } from "../_components/login-form";

export const metadata = { title: "Sign in" };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string }>;
}) {
  if (await authenticateHeaders(await headers())) redirect("/");
  const { next, error } = await searchParams;
  // Only same-site paths after URL resolution: never an open redirect.
  const target = safeNextPath(next);
  const e = env();
  return (
    <LoginForm
      googleEnabled={Boolean(e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET)}
      next={target}
      // Better Auth sends a failed or cancelled Google sign-in back here with ?error=….
      googleFailed={error !== undefined}
    />
  );
}
