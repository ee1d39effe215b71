import { googleOAuthClient } from "./oauth-client";

/** Revokes a grant at Google (the refresh token, or failing that the access token). */
export async function revokeGoogleGrant(token: string): Promise<void> {
  await googleOAuthClient().revokeToken(token);
}
