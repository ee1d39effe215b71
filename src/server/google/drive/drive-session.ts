import type { Ctx } from "../../context";
import { openGoogleSession, type GoogleSession } from "../google-session";
import type { StoredTokens } from "../token-store";

/** An open Drive connection (metadata scope): what the Drive driver's methods take. */
export type DriveSession = GoogleSession;

export function openDrive(ctx: Ctx, tokens?: StoredTokens | null): Promise<DriveSession> {
  return openGoogleSession(ctx, "drive", tokens);
}
