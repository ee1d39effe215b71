import { defineContract } from "../contract";
import { driveApproveSchema, drivePreviewSchema } from "../../drive/schemas";

// Google Drive documents (FEATURE_GOOGLE_DRIVE): files shared between the user and a
// contact, previewed, approved into an undoable batch (POST /api/v1/sync/undo), then kept
// current from changes.list.
const tags = ["sync"];
const errors = ["not_found", "forbidden", "rate_limited", "upstream_error", "method_not_allowed"];

export const previewDriveContract = defineContract({
  method: "POST",
  path: "/api/v1/sync/preview/drive",
  summary:
    "What a Drive import would add (non-destructive): files shared between you and a contact (by permission, owner or sharer email) not yet on a timeline. 403 drive_consent_required carries the URL that asks Google for drive.metadata.readonly",
  tags,
  auth: "user",
  response: drivePreviewSchema,
  errors,
});

export const approveDriveContract = defineContract({
  method: "POST",
  path: "/api/v1/sync/approve/drive",
  summary:
    "Approve a Drive import: creates a batch and enqueues the job that puts shared documents on the contacts' timelines (undo with POST /api/v1/sync/undo)",
  tags,
  auth: "user",
  response: driveApproveSchema,
  errors,
});
