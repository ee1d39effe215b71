import { z } from "zod";
import { defineContract } from "../contract";
import { idParams } from "../params";
import {
  availabilitySchema,
  bookingListSchema,
  busyCalendarsSchema,
  bookingSchema,
  createBookingInput,
  createServiceInput,
  listBookingsQuery,
  publicBookingInput,
  publicServiceSchema,
  publicSlotsSchema,
  serviceSchema,
  slotsQuery,
  updateAvailabilityInput,
  updateBookingInput,
  updateServiceInput,
} from "../../booking/schemas";

const tags = ["booking"];

/** `params` of the public booking endpoints; a malformed handle answers 404 like an unknown one. */
export const handleParams = z.object({ handle: z.string().max(64) });

export const listServicesContract = defineContract({
  method: "GET",
  path: "/api/v1/services",
  summary: "Your bookable services",
  tags,
  auth: "user",
  response: z.object({ items: z.array(serviceSchema) }),
});
export const createServiceContract = defineContract({
  method: "POST",
  path: "/api/v1/services",
  summary: "Add a service (name, duration, buffers, price shown, location, colour)",
  tags,
  auth: "user",
  body: createServiceInput,
  response: serviceSchema,
  errors: ["invalid_body"],
});
export const getServiceContract = defineContract({
  method: "GET",
  path: "/api/v1/services/{id}",
  params: idParams,
  summary: "One service",
  tags,
  auth: "user",
  response: serviceSchema,
  errors: ["not_found"],
});
export const updateServiceContract = defineContract({
  method: "PATCH",
  path: "/api/v1/services/{id}",
  params: idParams,
  summary: "Change a service (or turn it off with active: false)",
  tags,
  auth: "user",
  body: updateServiceInput,
  response: serviceSchema,
  errors: ["invalid_body", "not_found"],
});
export const deleteServiceContract = defineContract({
  method: "DELETE",
  path: "/api/v1/services/{id}",
  params: idParams,
  summary: "Delete a service (its bookings stay)",
  tags,
  auth: "user",
  response: z.object({ deleted: z.literal(true) }),
  errors: ["not_found"],
});

export const getAvailabilityContract = defineContract({
  method: "GET",
  path: "/api/v1/availability",
  summary: "Booking page and availability rules: handle, weekly hours, overrides, notice, reminders",
  tags,
  auth: "user",
  response: availabilitySchema,
});
export const putAvailabilityContract = defineContract({
  method: "PUT",
  path: "/api/v1/availability",
  summary: "Save booking page and availability rules (fields left out keep their value)",
  tags,
  auth: "user",
  body: updateAvailabilityInput,
  response: availabilitySchema,
  errors: ["invalid_body", "conflict"],
});
export const listBusyCalendarsContract = defineContract({
  method: "GET",
  path: "/api/v1/availability/calendars",
  summary: "The Google calendars the practitioner can choose from, marked when their busy times block slots",
  tags,
  auth: "user",
  response: busyCalendarsSchema,
  errors: ["service_unavailable"],
});

export const listBookingsContract = defineContract({
  method: "GET",
  path: "/api/v1/bookings",
  summary: "Bookings and blocked time in a window (optionally with Google busy times), or one contact's",
  tags,
  auth: "user",
  query: listBookingsQuery,
  response: bookingListSchema,
  errors: ["invalid_query"],
});
export const createBookingContract = defineContract({
  method: "POST",
  path: "/api/v1/bookings",
  summary: "Book a client yourself, or block time (kind: block)",
  tags,
  auth: "user",
  body: createBookingInput,
  response: bookingSchema,
  errors: ["invalid_body", "not_found", "conflict"],
});
export const getBookingContract = defineContract({
  method: "GET",
  path: "/api/v1/bookings/{id}",
  params: idParams,
  summary: "One booking",
  tags,
  auth: "user",
  response: bookingSchema,
  errors: ["not_found"],
});
export const updateBookingContract = defineContract({
  method: "PATCH",
  path: "/api/v1/bookings/{id}",
  params: idParams,
  summary: "Move (start), cancel (status: cancelled) or annotate a booking; Google and the client follow",
  tags,
  auth: "user",
  body: updateBookingInput,
  response: bookingSchema,
  errors: ["invalid_body", "not_found", "conflict"],
});

export const publicServicesContract = defineContract({
  method: "GET",
  path: "/api/v1/public/{handle}/services",
  params: handleParams,
  summary: "A booking page: the practitioner's public name, zone and active services (no sign-in)",
  tags,
  auth: "public",
  response: z.object({ name: z.string(), timeZone: z.string(), services: z.array(publicServiceSchema) }),
  errors: ["not_found", "rate_limited"],
});
export const publicSlotsContract = defineContract({
  method: "GET",
  path: "/api/v1/public/{handle}/slots",
  params: handleParams,
  summary: "Free slots of a service between from and to (ISO instants; at most 62 days)",
  tags,
  auth: "public",
  query: slotsQuery,
  response: publicSlotsSchema,
  errors: ["invalid_query", "not_found", "rate_limited", "service_unavailable"],
});
export const publicBookContract = defineContract({
  method: "POST",
  path: "/api/v1/public/{handle}/bookings",
  params: handleParams,
  summary: "Book a slot; a slot someone else just took answers 409 conflict",
  tags,
  auth: "public",
  body: publicBookingInput,
  response: z.object({ bookingId: z.uuid(), manageToken: z.string() }),
  errors: ["invalid_body", "not_found", "conflict", "rate_limited", "service_unavailable"],
  rateLimit: "booking",
});
