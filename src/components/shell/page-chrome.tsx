import { Toaster } from "@/components/ui/toaster";
import { Shortcuts } from "./shortcuts";

/** Toasts and keyboard shortcuts, rendered once by the (app) layout for every signed-in page. */
export function PageChrome() {
  return (
    <>
      <Toaster />
      <Shortcuts />
    </>
  );
}
