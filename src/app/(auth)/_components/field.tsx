import type { InputHTMLAttributes } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string };

/** Labelled input with its inline error (announced to screen readers). */
export function Field({ label, error, id, ...input }: Props) {
  const errId = error ? `${id}-error` : undefined;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={errId}
        className={`w-full rounded-lg border bg-surface px-3 py-2 outline-none focus:border-primary ${
          error ? "border-danger" : "border-border"
        }`}
        {...input}
      />
      {error ? (
        <p id={errId} role="alert" className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ busy, children }: { busy: boolean; children: string }) {
  return (
    <button
      type="submit"
      disabled={busy}
      className="w-full rounded-lg bg-primary px-4 py-2 font-medium text-white hover:bg-primary-hover disabled:opacity-60"
    >
      {busy ? "Please wait…" : children}
    </button>
  );
}

export function FormError({ message }: { message?: string }) {
  return message ? (
    <p role="alert" className="mb-4 rounded-lg bg-danger/10 px-3 py-2 text-sm text-danger">
      {message}
    </p>
  ) : null;
}
