"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { api, ApiError, errorMessage } from "@/lib/api-client";
import { startGoogleSignIn } from "../../../(auth)/_components/start-google-sign-in";

// The server decides what confirms it: the password when the account has one, otherwise
// (Google-only accounts) a Google sign-in within the last 5 minutes.
const formSchema = z.object({ password: z.string().max(1024).optional() });

/** Irreversible, so no undo toast: re-authentication is the confirmation. */
export function DeleteAccountSection() {
  const form = useForm<z.input<typeof formSchema>>({ resolver: zodResolver(formSchema), mode: "onBlur" });
  const [error, setError] = useState<string>();
  const [needsGoogle, setNeedsGoogle] = useState(false);
  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    try {
      await api.post("/api/v1/auth/delete-account", values.password ? values : {});
      window.location.assign("/signup");
    } catch (e) {
      const field = e instanceof ApiError ? e.field("password") : undefined;
      if (field) form.setError("password", { message: field });
      else if (e instanceof ApiError && e.code === "forbidden") setNeedsGoogle(true);
      else setError(errorMessage(e));
    }
  });
  const fieldError = form.formState.errors.password?.message;
  return (
    <section
      aria-labelledby="delete-account"
      className="rounded-[12px] border border-danger/40 bg-surface p-5"
    >
      <h2 id="delete-account" className="text-lg font-semibold text-danger">
        Delete account
      </h2>
      <p className="mt-1 text-sm text-muted">
        Deletes your account and everything in it: contacts, notes, imports, connected Google accounts. This
        cannot be undone.
      </p>
      <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-wrap items-end gap-3">
        <div className="min-w-60 flex-1">
          <label htmlFor="delete-password" className="mb-1 block text-sm font-medium">
            Your password (leave empty if you sign in with Google)
          </label>
          <input
            id="delete-password"
            type="password"
            autoComplete="current-password"
            aria-invalid={fieldError ? true : undefined}
            className="min-h-[44px] w-full rounded-lg border border-border bg-surface px-3 py-2"
            {...form.register("password")}
          />
          {fieldError ? (
            <p role="alert" className="mt-1 text-sm text-danger">
              {fieldError}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          disabled={form.formState.isSubmitting}
          className="min-h-[44px] rounded-lg bg-danger px-4 py-2 font-medium text-white disabled:opacity-60"
        >
          Delete my account
        </button>
      </form>
      {needsGoogle ? (
        <div role="alert" className="mt-3 text-sm">
          <p>Your account signs in with Google: confirm it is you, then delete within 5 minutes.</p>
          <button
            type="button"
            onClick={() => void startGoogleSignIn("/settings").then((url) => window.location.assign(url))}
            className="mt-2 rounded-lg border border-border px-4 py-2 font-medium"
          >
            Sign in with Google again
          </button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </section>
  );
}
