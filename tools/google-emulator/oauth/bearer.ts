// Resolves `Authorization: Bearer …` (or ?access_token=) to a grant and account.
import type { IncomingMessage } from "node:http";
import { apiErrors } from "../errors";
import type { Account, EmulatorState } from "../state";
import type { Grant } from "./grants";

export type Authenticated = { grant: Grant; account: Account; expiresAt: number };

export function authenticate(state: EmulatorState, req: IncomingMessage, url: URL): Authenticated {
  const header = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  const token = header ?? url.searchParams.get("access_token");
  const found = token ? state.grants.lookup(token) : undefined;
  const account = found ? state.account(found.grant.email) : undefined;
  if (!found || !account) throw apiErrors.unauthenticated();
  return { grant: found.grant, account, expiresAt: found.expiresAt };
}
