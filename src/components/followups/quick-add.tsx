"use client";

import { forwardRef, useState } from "react";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useQuickAdd } from "./use-followups";

/** Add a task in words: "Call Anna tomorrow 9am", "Send the PDF in 2 weeks", "next Tuesday". */
export const QuickAdd = forwardRef<HTMLInputElement, { contactIds?: string[]; placeholder?: string }>(
  function QuickAdd({ contactIds, placeholder }, ref) {
    const [text, setText] = useState("");
    const add = useQuickAdd();
    const submit = (e: React.FormEvent) => {
      e.preventDefault();
      const t = text.trim();
      if (!t) return;
      add.mutate({ text: t, contactIds }, { onSuccess: () => setText("") });
    };
    return (
      <form onSubmit={submit} className="flex gap-2" aria-label="Add a task">
        <Input
          ref={ref}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={500}
          aria-label="New task, in words"
          placeholder={placeholder ?? "Add a task: “Call Anna tomorrow 9am”"}
          data-quick-add
        />
        <Button type="submit" variant="primary" loading={add.isPending} disabled={!text.trim()}>
          <Plus aria-hidden size={16} /> Add
        </Button>
      </form>
    );
  },
);
