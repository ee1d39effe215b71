import { z } from "zod";

export const tagColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "colour must be #RRGGBB");
export const tagInput = z.object({ name: z.string().trim().min(1).max(60), color: tagColor.optional() });
// A patch with no known field (`{}`, `{"a":"x"}`) is a 400, not an empty UPDATE.
export const updateTagInput = tagInput
  .partial()
  .refine((p) => p.name !== undefined || p.color !== undefined, {
    message: "nothing to update: give name or color",
  });
export const tagSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  color: z.string(),
  contactCount: z.number().int(),
  createdAt: z.string(),
});
export type TagView = z.infer<typeof tagSchema>;

export const bulkContactsInput = z.discriminatedUnion("action", [
  z.object({
    action: z.enum(["addTags", "removeTags"]),
    ids: z.array(z.uuid()).min(1).max(1000),
    tagIds: z.array(z.uuid()).min(1).max(50),
  }),
  z.object({
    action: z.literal("setStage"),
    ids: z.array(z.uuid()).min(1).max(1000),
    stage: z.enum([
      "Prospect",
      "New Client",
      "Core Client",
      "Referring Client",
      "VIP Client",
      "Lost Client",
      "At Risk Client",
    ]),
  }),
  z.object({ action: z.enum(["delete", "restore"]), ids: z.array(z.uuid()).min(1).max(1000) }),
]);
export type BulkContactsInput = z.input<typeof bulkContactsInput>;

/** A wellness practice's typical segments, offered once on first run. */
export const starterTags: { name: string; color: string }[] = [
  { name: "Yoga", color: "#4F7A64" },
  { name: "Massage", color: "#8A5A44" },
  { name: "Coaching", color: "#3E6A8A" },
  { name: "Workshop", color: "#7A5C99" },
  { name: "Retreat", color: "#2F7F7A" },
  { name: "Class Pack", color: "#B07D2B" },
  { name: "Intro Offer", color: "#C2572B" },
  { name: "Referral Partner", color: "#5B6B2F" },
  { name: "Needs Follow-up", color: "#B23A48" },
  { name: "Online", color: "#5A6372" },
];
