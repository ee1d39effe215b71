"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

export const NEW_CONTACT_EVENT = "omnicrm:new-contact";

function isTyping(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

/**
 * App-wide keys (DESIGN.md): `/` search, `n` new contact, `g c` contacts, `g d` dashboard,
 * `g h` home (Today), `g t` tasks, `g f` forms.
 * `n` is offered to the page first (a cancelable event the contacts list handles); pages
 * without a quick-add dialog send you to /contacts?new=1 instead.
 */
export function Shortcuts() {
  const router = useRouter();
  useEffect(() => {
    let gAt = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector("[role=dialog],[role=menu]")) return;
      const now = Date.now();
      if (gAt && now - gAt < 1000) {
        gAt = 0;
        if (e.key === "c") router.push("/contacts");
        else if (e.key === "d") router.push("/dashboard");
        else if (e.key === "h") router.push("/");
        else if (e.key === "t") router.push("/tasks");
        else if (e.key === "f") router.push("/forms");
        else return;
        e.preventDefault();
        return;
      }
      if (e.key === "g") {
        gAt = now;
      } else if (e.key === "/") {
        const search = document.querySelector<HTMLInputElement>("[data-shortcut-search]");
        e.preventDefault();
        if (search) search.focus();
        else router.push("/contacts?focus=search");
      } else if (e.key === "n") {
        e.preventDefault();
        const handled = !window.dispatchEvent(new CustomEvent(NEW_CONTACT_EVENT, { cancelable: true }));
        if (!handled) router.push("/contacts?new=1");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);
  return null;
}
