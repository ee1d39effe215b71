import { sql } from "drizzle-orm";
import { getDb } from "../db/client";
import { currentLog } from "../log-context";

export async function pingDb(): Promise<boolean> {
  try {
    const { db } = await getDb();
    await db.execute(sql`SELECT 1`);
    return true;
  } catch (e) {
    currentLog().error({ err: e }, "db ping failed");
    return false;
  }
}
