"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import { ApiError, errorMessage } from "@/lib/api-client";

/**
 * react-hook-form with the API's own zod schema (validated on blur), plus mapping of the
 * server's field errors back onto the inputs and a form-level message for the rest.
 */
export function useApiForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema), mode: "onBlur" });
  const [formError, setFormError] = useState<string>();
  const run = (action: (values: z.output<S>) => Promise<void>) =>
    form.handleSubmit(async (values) => {
      setFormError(undefined);
      try {
        await action(values);
      } catch (e) {
        const fields = e instanceof ApiError ? e.details?.fields : undefined;
        let mapped = false;
        for (const [name, msgs] of Object.entries(fields ?? {})) {
          if (name in values) {
            form.setError(name as Path<z.input<S>>, { message: msgs[0] });
            mapped = true;
          }
        }
        if (!mapped) setFormError(errorMessage(e));
      }
    });
  return { form, formError, run };
}
