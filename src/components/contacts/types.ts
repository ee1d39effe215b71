// Response shapes of the contacts API, taken from the server's zod DTOs (types only: nothing
// server-side is bundled into the client by these imports).
export type { ContactSummary, ContactDetail } from "@/server/contacts/contact-dto";
export type { TagView } from "@/server/tags/schemas";
export type { NoteView } from "@/server/notes/schemas";
export type { TimelineItem } from "@/server/interactions/schemas";

export type ContactPage = {
  items: import("@/server/contacts/contact-dto").ContactSummary[];
  nextCursor: string | null;
  total: number | null;
};
