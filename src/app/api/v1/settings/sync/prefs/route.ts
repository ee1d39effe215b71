import { userRoute } from "@/server/http/route";
import { getPrefsContract, putPrefsContract } from "@/server/http/contracts/sync";
import { getSyncPrefs, updateSyncPrefs } from "@/server/sync/sync-prefs";

export const dynamic = "force-dynamic";

export const GET = userRoute(getPrefsContract, ({ ctx }) => getSyncPrefs(ctx));
export const PUT = userRoute(putPrefsContract, ({ ctx, body }) => updateSyncPrefs(ctx, body));
