import { defineContract } from "../contract";
import { crmSettingsSchema, updateCrmSettingsInput } from "../../crm-settings/crm-settings";

export const getCrmSettingsContract = defineContract({
  method: "GET",
  path: "/api/v1/settings/crm",
  summary: "CRM preferences (at-risk threshold, note redaction default)",
  tags: ["settings"],
  auth: "user",
  response: crmSettingsSchema,
});

export const updateCrmSettingsContract = defineContract({
  method: "PATCH",
  path: "/api/v1/settings/crm",
  summary: "Update CRM preferences",
  tags: ["settings"],
  auth: "user",
  body: updateCrmSettingsInput,
  response: crmSettingsSchema,
  errors: ["invalid_body"],
});
