import { defineContract } from "../contract";

export const syncProgressContract = defineContract({
  method: "GET",
  path: "/api/v1/sync/progress",
  summary:
    "Server-sent events: a `snapshot` (status, batches, recent sync jobs) whenever it changes, every 2 s while importing; one connection instead of polling",
  tags: ["sync"],
  auth: "user",
  responseType: "text/event-stream",
});
