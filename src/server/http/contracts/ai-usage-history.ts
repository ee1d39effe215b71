import { defineContract } from "../contract";
import { aiUsageHistorySchema } from "../../ai/get-ai-usage-history";

export const aiUsageHistoryContract = defineContract({
  method: "GET",
  path: "/api/v1/ai/usage/history",
  summary: "AI calls and cost per day for the last 30 days (your time zone) and the 20 latest calls",
  tags: ["ai"],
  auth: "user",
  response: aiUsageHistorySchema,
});
