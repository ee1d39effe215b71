import { getRhythmSettingsContract, putRhythmSettingsContract } from "@/server/http/contracts/followups";
import { userRoute } from "@/server/http/route";
import { getRhythmSettings } from "@/server/rhythms/get-rhythm-settings";
import { updateRhythmSettings } from "@/server/rhythms/update-rhythm-settings";

export const dynamic = "force-dynamic";

export const GET = userRoute(getRhythmSettingsContract, ({ ctx }) => getRhythmSettings(ctx));

export const PUT = userRoute(putRhythmSettingsContract, ({ ctx, body }) => updateRhythmSettings(ctx, body!));
