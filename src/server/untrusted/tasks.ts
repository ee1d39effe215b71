import type { MessagePort } from "node:worker_threads";
import { isAppError, type ErrorCode } from "../errors";
import { resizeAvatar } from "../contacts/avatar-image";
import { parseImportText } from "../file-imports/parse-import-text";
import { parseEmailForImport, parseEmailsForImport } from "../sync/parse-email-for-import";

/**
 * What the worker pool can run: pure functions over untrusted bytes or text, with no I/O
 * and no database. Each runs in a worker thread with a time budget (run-untrusted.ts).
 */
export const tasks = {
  avatar: (bytes: Uint8Array) => resizeAvatar(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
  email: parseEmailForImport,
  emails: parseEmailsForImport,
  importText: parseImportText,
};
export type Tasks = typeof tasks;
export type TaskKind = keyof Tasks;

export type TaskResult =
  { ok: true; value: unknown } | { ok: false; code: ErrorCode; message: string; details?: unknown };

/** Runs one task; an AppError crosses the thread boundary as data (classes do not). */
export async function runTask(msg: {
  kind: TaskKind;
  input: unknown;
  started?: MessagePort;
}): Promise<TaskResult> {
  // Tells the caller its time budget starts now (queueing and thread start-up do not count).
  msg.started?.postMessage(1);
  msg.started?.close();
  try {
    const fn = tasks[msg.kind] as (input: unknown) => unknown;
    return { ok: true, value: await fn(msg.input) };
  } catch (e) {
    if (isAppError(e)) return { ok: false, code: e.code, message: e.message, details: e.details };
    throw e;
  }
}
