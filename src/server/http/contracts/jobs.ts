import { defineContract } from "../contract";
import { idParams } from "../params";
import { jobView, listJobsQuery, listJobsResponse, processedResponse } from "../../jobs/schemas";

const tags = ["jobs"];

export const runJobsContract = defineContract({
  method: "POST",
  path: "/api/v1/jobs/runner",
  summary:
    "Embedded mode: run the caller's ready jobs now. With Redis: re-send the caller's ready jobs missing from Redis. Returns how many.",
  tags,
  auth: "user",
  response: processedResponse,
});

export const listJobsContract = defineContract({
  method: "GET",
  path: "/api/v1/jobs",
  summary: "The caller's background jobs, newest first, with status and progress",
  tags,
  auth: "user",
  query: listJobsQuery,
  response: listJobsResponse,
  errors: ["invalid_query"],
});

export const retryJobContract = defineContract({
  method: "POST",
  path: "/api/v1/jobs/{id}/retry",
  params: idParams,
  summary: "Re-queue a dead job with a fresh set of attempts",
  tags,
  auth: "user",
  response: jobView,
  errors: ["not_found", "conflict"],
});
