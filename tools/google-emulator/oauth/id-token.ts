// ID tokens are real RS256 JWTs signed with a per-process key, published at
// /oauth2/v1/certs (PEM) and /oauth2/v3/certs (JWK), so OAuth2Client.verifyIdToken
// works when its certs endpoints point here. `iss` is accounts.google.com so the
// library's default issuer check passes; the key, of course, is not Google's.
import { createHash, createSign, generateKeyPairSync, type KeyObject } from "node:crypto";

let keys: { privateKey: KeyObject; publicKey: KeyObject; kid: string } | null = null;

function signingKeys() {
  if (keys) return keys;
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const der = publicKey.export({ type: "spki", format: "der" });
  keys = { privateKey, publicKey, kid: createHash("sha256").update(der).digest("hex").slice(0, 40) };
  return keys;
}

export type IdTokenClaims = {
  aud: string;
  sub: string;
  email: string;
  name: string;
  given_name: string;
  family_name: string;
  picture: string;
  nonce?: string;
  accessToken: string;
};

export function signIdToken(c: IdTokenClaims, ttlSec = 3600): string {
  const { privateKey, kid } = signingKeys();
  const now = Math.floor(Date.now() / 1000);
  // at_hash: left half of SHA-256 of the access token (OIDC core §3.1.3.6).
  const atHash = createHash("sha256").update(c.accessToken).digest().subarray(0, 16).toString("base64url");
  const payload = {
    iss: "https://accounts.google.com",
    azp: c.aud,
    aud: c.aud,
    sub: c.sub,
    email: c.email,
    email_verified: true,
    at_hash: atHash,
    name: c.name,
    picture: c.picture,
    given_name: c.given_name,
    family_name: c.family_name,
    iat: now,
    exp: now + ttlSec,
    ...(c.nonce ? { nonce: c.nonce } : {}),
  };
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const input = `${enc({ alg: "RS256", kid, typ: "JWT" })}.${enc(payload)}`;
  const signature = createSign("RSA-SHA256").update(input).sign(privateKey).toString("base64url");
  return `${input}.${signature}`;
}

export function pemCerts(): Record<string, string> {
  const { publicKey, kid } = signingKeys();
  return { [kid]: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

export function jwkCerts(): { keys: object[] } {
  const { publicKey, kid } = signingKeys();
  return { keys: [{ ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" }] };
}
