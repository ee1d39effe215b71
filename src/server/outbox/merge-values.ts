import { eq } from "drizzle-orm";
import { authUsers } from "../db/schema/auth";
import type { Tx } from "../db/with-user";
import type { Recipient } from "./load-recipient";
import type { MergeValues } from "./render-template";

/** The merge fields for one recipient (dates in the user's zone). */
export async function mergeValuesFor(
  tx: Tx,
  userId: string,
  r: Recipient,
  opts: { timeZone: string; bookingLink: string },
): Promise<MergeValues> {
  const [me] = await tx.select({ name: authUsers.name }).from(authUsers).where(eq(authUsers.id, userId));
  const [first = "", ...rest] = r.displayName.trim().split(/\s+/);
  return {
    firstName: first,
    lastName: rest.join(" "),
    fullName: r.displayName,
    email: r.primaryEmail ?? "",
    lastSessionDate: r.lastSessionAt
      ? new Intl.DateTimeFormat("en-GB", { timeZone: opts.timeZone, dateStyle: "long" }).format(
          r.lastSessionAt,
        )
      : "",
    bookingLink: opts.bookingLink,
    practitionerName: me?.name ?? "",
  };
}
