import { z } from "zod";
import { defineContract } from "../contract";
import { applyAtRiskInput, atRiskItemSchema } from "../../lifecycle/at-risk";
import { dashboardSchema } from "../../dashboard/get-dashboard";

export const listAtRiskContract = defineContract({
  method: "GET",
  path: "/api/v1/lifecycle/at-risk",
  summary: "Clients suggested for 'At Risk Client' (quiet for N days after ≥3 interactions in 90 days)",
  tags: ["lifecycle"],
  auth: "user",
  response: z.object({ items: z.array(atRiskItemSchema), atRiskDays: z.number().int() }),
});

export const applyAtRiskContract = defineContract({
  method: "POST",
  path: "/api/v1/lifecycle/at-risk/apply",
  summary: "Set stage 'At Risk Client' on suggested contacts (all, or the given ids)",
  tags: ["lifecycle"],
  auth: "user",
  body: applyAtRiskInput.optional(),
  response: z.object({ updated: z.array(z.uuid()) }),
  errors: ["invalid_body"],
});

export const dashboardContract = defineContract({
  method: "GET",
  path: "/api/v1/dashboard",
  summary: "Counts by stage, who needs a follow-up, recent activity",
  tags: ["lifecycle"],
  auth: "user",
  response: dashboardSchema,
});
