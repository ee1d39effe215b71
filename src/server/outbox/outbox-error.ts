import { AppError, type ErrorCode } from "../errors";

/**
 * An AppError whose plain-words message also travels in `details.message` (the envelope
 * carries only code + details), so the outbox UI can say exactly what to do.
 */
export function outboxError(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): AppError {
  return new AppError(code, message, { message, ...details });
}
