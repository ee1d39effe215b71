import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import type { Db } from "../db/client";
import { formLinks } from "../db/schema/forms";
import { withSystem } from "../db/with-user";
import { AppError } from "../errors";
import { rootLog } from "../log";
import { verifyLinkToken } from "./link-token";

export type FormLinkRow = typeof formLinks.$inferSelect;

/**
 * The practitioner and link behind a public form token, as a Ctx to act for them. A forged,
 * unknown, expired, used-up or revoked link all answer the same 404, so a token cannot be
 * told apart from another and nothing can be learned about who uses OmniCRM.
 */
export async function resolveFormLink(db: Db, token: string): Promise<{ ctx: Ctx; link: FormLinkRow }> {
  const keySha256 = verifyLinkToken(token);
  if (!keySha256) throw notFound();
  const [link] = await withSystem(db, (tx) =>
    tx.select().from(formLinks).where(eq(formLinks.keySha256, keySha256)),
  );
  if (!link || !isUsable(link)) throw notFound();
  return {
    ctx: { db, userId: link.userId, log: rootLog().child({ userId: link.userId, formLinkId: link.id }) },
    link,
  };
}

export function isUsable(link: FormLinkRow, now = new Date()): boolean {
  if (link.revokedAt) return false;
  if (link.expiresAt && link.expiresAt <= now) return false;
  return link.reusable || link.useCount === 0;
}

export function notFound(): AppError {
  return new AppError("not_found", "This form link does not exist, has expired or was already used.");
}
