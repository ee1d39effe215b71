import type { OutboxItemDto } from "@/server/outbox/schemas";
import type { OutboxSettings } from "@/server/outbox/get-outbox-settings";
import type { TemplateDto } from "@/server/templates/schemas";
import { ApiError } from "@/lib/api-client";
import { friendlyError } from "@/components/contacts/friendly-error";

export type OutboxItem = OutboxItemDto;
export type EmailSettings = OutboxSettings;
export type Template = TemplateDto;
export type TemplatePreview = Template & {
  preview?: { contactId: string; subject: string; body: string; missingFields: string[] };
};

/** The server's own sentence when it sent one (outbox errors do), else a generic one. */
export function outboxErrorMessage(e: unknown, what = "that"): string {
  if (e instanceof ApiError && typeof e.details?.message === "string") return e.details.message;
  return friendlyError(e, what);
}

/** When approval needs Google's send permission first: where to send the browser. */
export function consentUrl(e: unknown): string | null {
  return e instanceof ApiError &&
    e.details?.reason === "gmail_send_consent_required" &&
    typeof e.details.authorizeUrl === "string"
    ? e.details.authorizeUrl
    : null;
}
