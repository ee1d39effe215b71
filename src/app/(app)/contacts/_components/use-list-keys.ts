"use client";

import { useEffect, useState } from "react";

/** j/k or ↓/↑ move the active row, Enter opens it, x selects it. Ignored while typing or in dialogs. */
export function useListKeys(count: number, onOpen: (i: number) => void, onToggle: (i: number) => void) {
  const [active, setActive] = useState(-1);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey) return;
      if (t && (["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName) || t.isContentEditable)) return;
      if (document.querySelector("[role=dialog],[role=menu]")) return;
      if (e.key === "j" || e.key === "ArrowDown") {
        e.preventDefault();
        setActive((a) => Math.min(count - 1, a + 1));
      } else if (e.key === "k" || e.key === "ArrowUp") {
        e.preventDefault();
        setActive((a) => Math.max(0, a - 1));
      } else if (e.key === "Enter" && active >= 0 && t?.tagName !== "A" && t?.tagName !== "BUTTON") {
        e.preventDefault();
        onOpen(active);
      } else if (e.key === "x" && active >= 0) {
        e.preventDefault();
        onToggle(active);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [count, active, onOpen, onToggle]);
  useEffect(() => {
    if (active >= 0) document.querySelector("[data-active]")?.scrollIntoView({ block: "nearest" });
  }, [active]);
  return Math.min(active, count - 1);
}
