"use client";

import Link from "next/link";
import { api } from "@/lib/api-client";
import { PASSWORD_MIN, signUpSchema } from "@/server/auth/schemas";
import { Field, FormError, SubmitButton } from "./field";
import { useApiForm } from "./use-api-form";

export function SignupForm() {
  const { form, formError, run } = useApiForm(signUpSchema);
  const { errors, isSubmitting } = form.formState;
  const onSubmit = run(async (values) => {
    await api.post("/api/v1/auth/sign-up", values);
    window.location.assign("/");
  });
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Create your account</h1>
      <form onSubmit={onSubmit} noValidate>
        <FormError message={formError} />
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
          label={`Password (at least ${PASSWORD_MIN} characters)`}
          type="password"
          autoComplete="new-password"
          error={errors.password?.message}
          {...form.register("password")}
        />
        <SubmitButton busy={isSubmitting}>Create account</SubmitButton>
      </form>
      <p className="mt-4 text-sm">
        Already have an account?{" "}
        <Link href="/login" className="text-primary hover:underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
