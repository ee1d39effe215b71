"use client";

import Link from "next/link";
import { safeNextPath } from "@/lib/safe-redirect";
import { useState } from "react";
import { api } from "@/lib/api-client";
import { signInSchema } from "@/server/auth/schemas";
import { Field, FormError, SubmitButton } from "./field";
import { startGoogleSignIn } from "./start-google-sign-in";
import { useApiForm } from "./use-api-form";

export function LoginForm({
  googleEnabled,
  next,
  googleFailed = false,
}: {
  googleEnabled: boolean;
  next: string;
  googleFailed?: boolean;
}) {
  const { form, formError, run } = useApiForm(signInSchema);
  const { errors, isSubmitting } = form.formState;
  const onSubmit = run(async (values) => {
    await api.post("/api/v1/auth/sign-in", values);
    // Full navigation: the (app) layout re-reads the new session cookie server-side.
    window.location.assign(safeNextPath(next));
  });
  const [googleError, setGoogleError] = useState(false);
  const google = async () => {
    setGoogleError(false);
    try {
      window.location.assign(await startGoogleSignIn(safeNextPath(next)));
    } catch {
      setGoogleError(true);
    }
  };
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
      <form onSubmit={onSubmit} noValidate>
        <FormError
          message={
            formError ??
            (googleFailed || googleError
              ? "Google sign-in did not finish. Try again, or sign in with your password."
              : undefined)
          }
        />
        <Field
          id="email"
          label="Email"
          type="email"
          autoComplete="email"
          error={errors.email?.message}
          {...form.register("email")}
        />
        <Field
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...form.register("password")}
        />
        <SubmitButton busy={isSubmitting}>Sign in</SubmitButton>
      </form>
      {googleEnabled ? (
        <button
          type="button"
          onClick={() => void google()}
          className="mt-3 w-full rounded-lg border border-border px-4 py-2 hover:bg-bg"
        >
          Sign in with Google
        </button>
      ) : null}
      <div className="mt-4 flex justify-between text-sm">
        <Link href="/reset-password" className="text-primary hover:underline">
          Forgot password?
        </Link>
        <Link href="/signup" className="text-primary hover:underline">
          Create an account
        </Link>
      </div>
    </>
  );
}
