"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { api, ApiError, errorMessage } from "@/lib/api-client";
import { deleteAccountSchema } from "@/server/auth/schemas";

/** Irreversible, so no undo toast: the password is the confirmation. */
export function DeleteAccountSection() {
  const form = useForm<z.input<typeof deleteAccountSchema>>({
    resolver: zodResolver(deleteAccountSchema),
    mode: "onBlur",
  });
  const [error, setError] = useState<string>();
  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    try {
      await api.post("/api/v1/auth/delete-account", values);
      window.location.assign("/signup");
    } catch (e) {
      const field = e instanceof ApiError ? e.field("password") : undefined;
      if (field) form.setError("password", { message: field });
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
            Your password
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
      {error ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </section>
  );
}
