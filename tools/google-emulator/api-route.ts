// The shape of an authenticated API route (Gmail/Calendar/Drive), shared by the router.
import type { IncomingMessage } from "node:http";
import type { Grant } from "./oauth/grants";
import type { Account, EmulatorState } from "./state";

export type ApiContext = {
  state: EmulatorState;
  account: Account;
  grant: Grant;
  req: IncomingMessage;
  url: URL;
  query: URLSearchParams;
  /** Regex captures from the route pattern, URI-decoded. */
  params: string[];
};

export type ApiRoute = {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  pattern: RegExp;
  /** Google's method id, used for stats, e.g. "gmail.users.messages.list". */
  id: string;
  /** Quota units, as Gmail documents them per method. */
  cost: number;
  api: "gmail" | "calendar" | "drive";
  handler: (ctx: ApiContext) => unknown;
};
