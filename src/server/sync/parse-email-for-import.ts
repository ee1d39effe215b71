import { htmlToText } from "./mime/html-to-text";
import { parseMessage, type ParsedMessage } from "./mime/parse";

/** Stored body cap (characters); longer bodies are cut. */
export const BODY_CAP_CHARS = 64_000;

export type ParsedEmail = Omit<ParsedMessage, "text" | "html"> & { body: string };

/**
 * The untrusted half of importing one Gmail message: raw (base64url, as Gmail sends it) →
 * headers, addresses and a capped plain-text body (from text/plain, else from the HTML).
 * Runs in the worker pool; html is converted here and never crosses back whole.
 */
export async function parseEmailForImport(rawBase64Url: string): Promise<ParsedEmail> {
  const { text, html, ...m } = await parseMessage(Buffer.from(rawBase64Url, "base64url"));
  let body = text ?? (html ? htmlToText(html, BODY_CAP_CHARS) : "");
  if (body.length > BODY_CAP_CHARS) body = body.slice(0, BODY_CAP_CHARS);
  return { ...m, body: body.trimEnd() };
}

/** Several messages in one pool task (less per-task overhead); a message that fails to parse is `null`. */
export async function parseEmailsForImport(raws: string[]): Promise<(ParsedEmail | null)[]> {
  const out: (ParsedEmail | null)[] = [];
  for (const raw of raws) out.push(await parseEmailForImport(raw).catch(() => null));
  return out;
}
