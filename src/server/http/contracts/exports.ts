import { z } from "zod";
import { defineContract } from "../contract";
import { exportQuery } from "../../exports/export-contacts";

export const exportContactsContract = defineContract({
  method: "GET",
  path: "/api/v1/exports/contacts",
  summary: "Download contacts as CSV or vCard 3.0 (same filters as the list; health context never included)",
  tags: ["exports"],
  auth: "user",
  query: exportQuery.extend({ format: z.enum(["csv", "vcard"]).default("csv") }),
  errors: ["invalid_query"],
});

export const exportUserDataContract = defineContract({
  method: "GET",
  path: "/api/v1/exports/data",
  summary:
    "Download all of the user's data as JSON (every user-owned table, secrets redacted; contact photos under files.avatars, client files with their bytes under files.clientFiles)",
  tags: ["exports"],
  auth: "user",
});
