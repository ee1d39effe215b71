import { defineContract } from "../contract";
import { idParams } from "../params";
import { dashboardChartsSchema } from "../../dashboard/get-dashboard-charts";
import { contactActivitySchema } from "../../contacts/get-contact-activity";

export const dashboardChartsContract = defineContract({
  method: "GET",
  path: "/api/v1/dashboard/charts",
  summary:
    "Dashboard charts in your time zone: clients by stage per month, sessions per week, new contacts per month",
  tags: ["lifecycle"],
  auth: "user",
  response: dashboardChartsSchema,
});

export const contactActivityContract = defineContract({
  method: "GET",
  path: "/api/v1/contacts/{id}/activity",
  params: idParams,
  summary: "Interactions and notes with one contact per week, the last 12 weeks (your time zone)",
  tags: ["contacts"],
  auth: "user",
  response: contactActivitySchema,
  errors: ["not_found"],
});
