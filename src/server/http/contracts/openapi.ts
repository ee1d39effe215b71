import { defineContract } from "../contract";

export const openApiContract = defineContract({
  method: "GET",
  path: "/api/v1/openapi.json",
  summary: "This API's OpenAPI 3.1 document, generated from the route contracts",
  tags: ["ops"],
  auth: "public",
  rateLimit: "none",
  responseType: "application/json",
});
