import { z } from "zod";
import { defineContract } from "../contract";
import { searchHitSchema, searchQuery } from "../../search/schemas";

export const searchContract = defineContract({
  method: "GET",
  path: "/api/v1/search",
  summary: "Ranked keyword search over contacts (names, emails, phones), notes and interaction subjects",
  tags: ["search"],
  auth: "user",
  query: searchQuery,
  response: z.object({ hits: z.array(searchHitSchema) }),
  errors: ["invalid_query"],
});
