import { Toaster } from "@/components/ui/toaster";
import { SearchPalette } from "@/components/search/search-palette";
import { Shortcuts } from "./shortcuts";

/** Toasts, keyboard shortcuts and the Ctrl/⌘-K search palette, rendered once by the (app) layout for every signed-in page. */
export function PageChrome() {
  return (
    <>
      <Toaster />
      <Shortcuts />
      <SearchPalette />
    </>
  );
}
