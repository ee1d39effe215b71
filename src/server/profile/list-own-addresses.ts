import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { userEmailIdentities } from "../db/schema/outbox";
import { withUser } from "../db/with-user";

export type OwnAddress = { email: string; source: "primary" | "send_as" | "sent_from" };

/** The user's own addresses (primary, send-as aliases, From of their SENT mail), lower-cased. */
export async function listOwnAddresses(ctx: Ctx): Promise<OwnAddress[]> {
  return withUser(ctx, (tx) =>
    tx
      .select({ email: userEmailIdentities.email, source: userEmailIdentities.source })
      .from(userEmailIdentities)
      .where(eq(userEmailIdentities.userId, ctx.userId)),
  );
}
