import { z } from "zod";

const label = z.string().trim().min(1).max(200);

export const syncPrefsSchema = z.object({
  gmailQuery: z.string().max(500),
  gmailLabelIncludes: z.array(label).max(100),
  gmailLabelExcludes: z.array(label).max(100),
  calendarIncludeOrganizerSelf: z.boolean(),
  calendarIncludePrivate: z.boolean(),
  calendarTimeWindowDays: z.number().int().min(1).max(365),
  contactCreationPolicy: z.enum(["engaged", "anyone", "nobody"]),
  driveIngestionMode: z.enum(["none", "picker", "folders"]),
  driveFolderIds: z.array(z.string().trim().min(1).max(200)).max(100),
});
export type SyncPrefs = z.infer<typeof syncPrefsSchema>;

export const syncPrefsPatchSchema = syncPrefsSchema.partial().strict();
export type SyncPrefsPatch = z.infer<typeof syncPrefsPatchSchema>;

export const providerState = z.discriminatedUnion("state", [
  z.object({ state: z.literal("not_connected") }),
  z.object({ state: z.literal("idle") }),
  z.object({ state: z.literal("importing"), done: z.number(), total: z.number().nullable() }),
  z.object({ state: z.literal("needs_reconnect") }),
  z.object({ state: z.literal("retrying"), nextAttemptAt: z.string() }),
]);

export const providerStatusSchema = z.intersection(
  providerState,
  z.object({
    enabled: z.boolean(),
    connected: z.boolean(),
    lastSync: z.string().nullable(),
    lastError: z.string().nullable(),
    accountEmail: z.string().nullable(),
  }),
);

export const syncStatusSchema = z.object({
  googleConnected: z.boolean(),
  flags: z.object({ gmail: z.boolean(), calendar: z.boolean(), drive: z.boolean() }),
  lastSync: z.string().nullable(),
  lastBatchId: z.string().nullable(),
  grantedScopes: z.array(z.string()),
  jobs: z.object({
    queued: z.number(),
    running: z.number(),
    retrying: z.number(),
    failed: z.number(),
    done: z.number(),
  }),
  providers: z.object({ gmail: providerStatusSchema, calendar: providerStatusSchema }),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const gmailPreviewSchema = z.object({
  /** Label id → exact count of messages with that label in the whole mailbox (Gmail labels.get messagesTotal, before the query). */
  countByLabel: z.record(z.string(), z.number()),
  /** The same counts with label names, largest first: include labels, then labels seen in the sample (≤ 20, never excluded ones). */
  labels: z.array(z.object({ id: z.string(), name: z.string(), messagesTotal: z.number() })),
  sampleSubjects: z.array(z.string()),
  /** Gmail's resultSizeEstimate for the query and exclusions (approximate). */
  estimatedTotal: z.number(),
  /** Newest matching messages read (metadata only) for sampleSubjects and newContacts (≤ 100). */
  sampleSize: z.number(),
  /** New contacts found in the sample, not the whole mailbox. */
  newContacts: z.array(z.object({ email: z.string(), name: z.string().nullable() })),
});
export const calendarPreviewSchema = z.object({
  count: z.number(),
  sampleTitles: z.array(z.string()),
  newContacts: z.array(z.object({ email: z.string(), name: z.string().nullable() })),
});

export const batchIdBody = z.object({ batchId: z.uuid().optional() });

export const batchSchema = z.object({
  id: z.string(),
  provider: z.string(),
  status: z.string(),
  counts: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});
