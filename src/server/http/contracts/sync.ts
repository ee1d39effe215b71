import { z } from "zod";
import { defineContract } from "../contract";
import {
  batchIdBody,
  batchSchema,
  calendarPreviewSchema,
  gmailPreviewSchema,
  syncPrefsPatchSchema,
  syncPrefsSchema,
  syncStatusSchema,
} from "../../sync/schemas";

const tags = ["sync"];

export const getPrefsContract = defineContract({
  method: "GET",
  path: "/api/v1/settings/sync/prefs",
  summary: "The user's sync preferences",
  tags,
  auth: "user",
  response: syncPrefsSchema,
});

export const putPrefsContract = defineContract({
  method: "PUT",
  path: "/api/v1/settings/sync/prefs",
  summary: "Partial update of sync preferences (only the fields sent change)",
  tags,
  auth: "user",
  body: syncPrefsPatchSchema,
  response: syncPrefsSchema,
});

export const syncStatusContract = defineContract({
  method: "GET",
  path: "/api/v1/settings/sync/status",
  summary: "Connection, per-service import state, last sync and job counts",
  tags,
  auth: "user",
  response: syncStatusSchema,
});

const previewErrors = ["not_found", "conflict", "rate_limited", "upstream_error", "method_not_allowed"];

export const previewGmailContract = defineContract({
  method: "POST",
  path: "/api/v1/sync/preview/gmail",
  summary:
    "What a Gmail import would bring (non-destructive): estimatedTotal is Gmail's resultSizeEstimate for your query; countByLabel/labels are exact whole-mailbox totals per label (labels.get messagesTotal, before the query); sampleSubjects and newContacts come from the newest sampleSize (≤ 100) messages",
  tags,
  auth: "user",
  response: gmailPreviewSchema,
  errors: previewErrors,
});

export const previewCalendarContract = defineContract({
  method: "POST",
  path: "/api/v1/sync/preview/calendar",
  summary: "What a Calendar import would bring (non-destructive)",
  tags,
  auth: "user",
  response: calendarPreviewSchema,
  errors: previewErrors,
});

const approveResponse = z.object({ batchId: z.string() });

export const approveGmailContract = defineContract({
  method: "POST",
  path: "/api/v1/sync/approve/gmail",
  summary: "Approve a Gmail import: creates a batch and enqueues the sync job",
  tags,
  auth: "user",
  response: approveResponse,
  errors: ["not_found", "conflict"],
});

export const approveCalendarContract = defineContract({
  method: "POST",
  path: "/api/v1/sync/approve/calendar",
  summary: "Approve a Calendar import: creates a batch and enqueues the sync job",
  tags,
  auth: "user",
  response: approveResponse,
  errors: ["not_found", "conflict"],
});

export const undoContract = defineContract({
  method: "POST",
  path: "/api/v1/sync/undo",
  summary: "Undo an import batch (idempotent)",
  tags,
  auth: "user",
  body: batchIdBody,
  response: z.object({
    batchId: z.string(),
    alreadyUndone: z.boolean(),
    removed: z.object({
      interactions: z.number(),
      rawEvents: z.number(),
      contacts: z.number(),
      jobsCancelled: z.number(),
    }),
  }),
  errors: ["missing_batchId", "not_found"],
});

export const listBatchesContract = defineContract({
  method: "GET",
  path: "/api/v1/sync/batches",
  summary: "Import batches, newest first, with counts",
  tags,
  auth: "user",
  response: z.object({ items: z.array(batchSchema) }),
});

export const googleOAuthStartContract = defineContract({
  method: "GET",
  path: "/api/v1/google/oauth",
  summary: "Start connecting Google (302 to the consent screen)",
  tags: ["google"],
  auth: "user",
  query: z.object({ scope: z.string().max(20).optional() }),
  errors: ["invalid_scope", "not_found"],
});

export const googleOAuthCallbackContract = defineContract({
  method: "GET",
  path: "/api/v1/google/oauth/callback",
  summary: "OAuth callback: validates state, stores tokens, 302 to /settings/sync",
  tags: ["google"],
  auth: "user",
  query: z.object({
    code: z.string().max(4096).optional(),
    state: z.string().max(1024).optional(),
    error: z.string().max(200).optional(),
    scope: z.string().max(4096).optional(),
  }),
  errors: ["missing_code_or_state", "invalid_state"],
});

export const googleDisconnectContract = defineContract({
  method: "POST",
  path: "/api/v1/google/disconnect",
  summary: "Disconnect a Google service: revoke at Google and delete tokens",
  tags: ["google"],
  auth: "user",
  body: z.object({ service: z.enum(["gmail", "calendar"]) }),
  response: z.object({ disconnected: z.literal(true) }),
});
