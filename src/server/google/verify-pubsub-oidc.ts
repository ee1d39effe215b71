import { OAuth2Client } from "google-auth-library";

let cached: { certsUrl: string; client: OAuth2Client } | undefined;

/**
 * Verifies the OIDC token a Pub/Sub push subscription sends (`Authorization: Bearer …`):
 * signed by Google (certs from `certsUrl`, cached by the library), issued by
 * accounts.google.com, unexpired, for `audience`, and when given from `serviceAccount`.
 * Part of the driver (Google's signing keys, google-auth-library); sync/push/ decides what
 * a verified notification triggers.
 */
export async function verifyPubSubOidc(
  authorization: string | null,
  o: { audience: string; serviceAccount?: string; certsUrl: string },
): Promise<boolean> {
  const m = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(authorization ?? "");
  if (!m) return false;
  if (cached?.certsUrl !== o.certsUrl)
    cached = {
      certsUrl: o.certsUrl,
      client: new OAuth2Client({ endpoints: { oauth2FederatedSignonPemCertsUrl: o.certsUrl } }),
    };
  try {
    const ticket = await cached.client.verifyIdToken({ idToken: m[1]!, audience: o.audience });
    const p = ticket.getPayload();
    if (!p?.email_verified) return false;
    return !o.serviceAccount || p.email?.toLowerCase() === o.serviceAccount.toLowerCase();
  } catch {
    return false;
  }
}
