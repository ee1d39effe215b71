import { z } from "zod";
import { defineContract } from "../contract";
import { searchHitSchema, searchRequestQuery } from "../../search/schemas";

export const searchContract = defineContract({
  method: "GET",
  path: "/api/v1/search",
  summary:
    "Search contacts (names, emails, phones), notes and interactions (subjects and bodies): ranked full-text; mode=hybrid adds search by meaning when AI is configured",
  tags: ["search"],
  auth: "user",
  query: searchRequestQuery,
  response: z.object({ hits: z.array(searchHitSchema), modeUsed: z.enum(["keyword", "semantic", "hybrid"]) }),
  errors: ["invalid_query"],
});
