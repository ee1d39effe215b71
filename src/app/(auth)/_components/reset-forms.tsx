"use client";

import Link from "next/link";
import { useState } from "react";
import { api } from "@/lib/api-client";
import { requestResetSchema, resetPasswordSchema } from "@/server/auth/schemas";
import { Field, FormError, SubmitButton } from "./field";
import { useApiForm } from "./use-api-form";

/** Step 1: ask for a link. The answer is the same whether or not the account exists. */
export function RequestResetForm() {
  const { form, formError, run } = useApiForm(requestResetSchema);
  const [sent, setSent] = useState(false);
  const onSubmit = run(async (values) => {
    await api.post("/api/v1/auth/request-password-reset", values);
    setSent(true);
  });
  if (sent)
    return (
      <p role="status">
        If an account exists for that email, a reset link is on its way. It works for one hour.
      </p>
    );
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Reset your password</h1>
      <p className="mb-4 text-sm text-muted">We will email you a link to choose a new password.</p>
      <form onSubmit={onSubmit} noValidate>
        <FormError message={formError} />
        <Field
          id="email"
          label="Email"
          type="email"
          autoComplete="email"
          error={form.formState.errors.email?.message}
          {...form.register("email")}
        />
        <SubmitButton busy={form.formState.isSubmitting}>Send reset link</SubmitButton>
      </form>
      <p className="mt-4 text-sm">
        <Link href="/login" className="text-primary hover:underline">
          Back to sign in
        </Link>
      </p>
    </>
  );
}

/** Step 2 (from the emailed link): choose the new password. */
export function SetPasswordForm({ token }: { token: string }) {
  const { form, formError, run } = useApiForm(resetPasswordSchema);
  const [done, setDone] = useState(false);
  const onSubmit = run(async (values) => {
    await api.post("/api/v1/auth/reset-password", values);
    setDone(true);
  });
  const tokenError = form.formState.errors.token?.message;
  if (done)
    return (
      <p role="status">
        Your password was changed and every other session was signed out.{" "}
        <Link href="/login" className="text-primary hover:underline">
          Sign in
        </Link>
      </p>
    );
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Choose a new password</h1>
      <form onSubmit={onSubmit} noValidate>
        <FormError message={formError ?? tokenError} />
        <input type="hidden" value={token} {...form.register("token")} />
        <Field
          id="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          error={form.formState.errors.password?.message}
          {...form.register("password")}
        />
        <SubmitButton busy={form.formState.isSubmitting}>Set new password</SubmitButton>
      </form>
    </>
  );
}
