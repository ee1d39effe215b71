import { z } from "zod";

// Pragmatic email check: one @, no spaces, a dot in the domain. Full RFC 5322 accepts
// strings no practitioner would type and rejects nothing we care about.
const EMAIL = /^[^\s@]+@[^\s.@]+(?:\.[^\s.@]+)+$/;
const PHONE_CHARS = /^\+?[\d\s().\-/]+$/;

export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export function isValidEmail(raw: string): boolean {
  const v = raw.trim();
  return v.length <= 320 && EMAIL.test(v);
}

/** Digits only (a leading + is dropped): the form phones are matched and de-duplicated on. */
export function normalizePhone(raw: string): string {
  return raw.replace(/\D/g, "");
}

export function isValidPhone(raw: string): boolean {
  const v = raw.trim();
  if (!PHONE_CHARS.test(v)) return false;
  const digits = normalizePhone(v);
  return digits.length >= 5 && digits.length <= 15;
}

export const emailSchema = z
  .string()
  .trim()
  .max(320)
  .refine(isValidEmail, { message: "invalid email address" });

export const phoneSchema = z.string().trim().max(40).refine(isValidPhone, {
  message: "invalid phone number (5–15 digits, optional +, spaces, dashes, brackets)",
});
