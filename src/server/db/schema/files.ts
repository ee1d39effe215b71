import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, userId } from "./columns";
import { contacts } from "./contacts";
import type { ClientFileMime, ClientFileSource } from "../../files/constants";

/** A file kept with a client (migration 0020): the bytes are in the object store under storageKey. */
export const clientFiles = pgTable(
  "client_files",
  {
    id: id(),
    userId: userId(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    /** Sniffed from the content, never the uploader's claim. */
    mimeType: text("mime_type").$type<ClientFileMime>().notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    source: text("source").$type<ClientFileSource>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("client_files_storage_key_uq").on(t.storageKey),
    index("client_files_contact_idx").on(t.userId, t.contactId, t.createdAt),
  ],
);
