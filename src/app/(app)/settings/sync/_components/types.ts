import type { z } from "zod";
import type {
  batchSchema,
  calendarPreviewSchema,
  gmailPreviewSchema,
  SyncPrefs,
  SyncStatus,
} from "@/server/sync/schemas";

export type { SyncPrefs, SyncStatus };
export type Service = "gmail" | "calendar";
export type ProviderStatus = SyncStatus["providers"]["gmail"];
export type Batch = z.infer<typeof batchSchema>;
export type GmailPreview = z.infer<typeof gmailPreviewSchema>;
export type CalendarPreview = z.infer<typeof calendarPreviewSchema>;
export type JobItem = {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  batchId: string | null;
  runAfter: string;
  createdAt: string;
};
