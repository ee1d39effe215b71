import { z } from "zod";

export const drivePreviewSchema = z.object({
  /** Documents the import would add to timelines (files shared with a contact, not yet imported). */
  count: z.number().int(),
  /** Names of up to 5 of them. */
  sampleNames: z.array(z.string()),
  /** Contacts those documents would show on. */
  contacts: z.number().int(),
  /** Files looked at (owned by or shared with the user). */
  filesScanned: z.number().int(),
  /** True when the Drive has more files than one preview looks at. */
  truncated: z.boolean(),
});
export type DrivePreview = z.infer<typeof drivePreviewSchema>;

export const driveApproveSchema = z.object({ batchId: z.uuid() });
