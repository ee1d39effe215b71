import { z } from "zod";

/** What the model must return for a contact; anything else is rejected (and retried once). */
export const contactInsightSchema = z.object({
  summary: z.string().min(1).max(800).describe("Two or three sentences on the relationship so far"),
  nextStep: z.string().min(1).max(300).describe("One concrete next step for the practitioner"),
  risk: z.enum(["none", "low", "medium", "high"]).describe("Risk of the client drifting away"),
  riskReason: z.string().max(300).describe("Why, in one sentence"),
  persona: z
    .string()
    .min(1)
    .max(200)
    .describe("A short persona, e.g. 'busy parent, prefers evening sessions'"),
});
export type ContactInsight = z.infer<typeof contactInsightSchema>;
