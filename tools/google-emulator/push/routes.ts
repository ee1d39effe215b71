// events.watch, channels.stop (Calendar) and users.watch, users.stop (Gmail).
import type { ApiContext, ApiRoute } from "../api-route";
import { apiErrors } from "../errors";
import { mailbox } from "../gmail/access";
import { readJson } from "../http-utils";
import { hasCalendar } from "../oauth/scopes";
import { deliverCalendar } from "./deliver";
import { CHANNEL_TTL_MS } from "./store";

type WatchBody = { id?: string; token?: string; type?: string; address?: string; params?: { ttl?: string } };

async function eventsWatch(ctx: ApiContext) {
  if (!hasCalendar(ctx.grant.scopes)) throw apiErrors.insufficientScopes();
  const calendarId = ctx.params[0];
  if (calendarId !== "primary" && calendarId?.toLowerCase() !== ctx.account.profile.email)
    throw apiErrors.calendarNotFound();
  const b = (await readJson(ctx.req)) as WatchBody;
  if (!b.id || !/^[A-Za-z0-9\-_+/=]{1,64}$/.test(b.id)) throw apiErrors.badRequest("Invalid channel id");
  if (b.type !== "web_hook" && b.type !== "webhook") throw apiErrors.badRequest("Invalid channel type");
  if (!b.address?.startsWith("http")) throw apiErrors.badRequest("WebHook callback must be HTTPS");
  const ttlMs = b.params?.ttl ? Number(b.params.ttl) * 1000 : CHANNEL_TTL_MS;
  const ch = ctx.state.push.addChannel({
    id: b.id,
    token: b.token,
    address: b.address,
    email: ctx.account.profile.email,
    expiration: ctx.state.now() + Math.min(ttlMs, CHANNEL_TTL_MS),
  });
  // Like Google: a `sync` message right after creation (not awaited by the watch call).
  setTimeout(() => void deliverCalendar(ctx.state, ch, { resourceState: "sync" }).catch(() => undefined), 0);
  return {
    kind: "api#channel",
    id: ch.id,
    resourceId: ch.resourceId,
    resourceUri: `${ctx.state.baseUrl}/calendar/v3/calendars/primary/events?alt=json`,
    token: ch.token,
    expiration: String(ch.expiration),
  };
}

async function channelsStop(ctx: ApiContext) {
  const b = (await readJson(ctx.req)) as { id?: string; resourceId?: string };
  const ch = b.id ? ctx.state.push.channels.get(b.id) : undefined;
  if (!ch || ch.email !== ctx.account.profile.email || !ctx.state.push.stopChannel(b.id!, b.resourceId ?? ""))
    throw apiErrors.notFound(`Channel '${b.id ?? ""}' not found for project`);
  return {};
}

async function usersWatch(ctx: ApiContext) {
  const box = mailbox(ctx);
  const b = (await readJson(ctx.req)) as { topicName?: string };
  if (!b.topicName || !/^projects\/[^/]+\/topics\/[^/]+$/.test(b.topicName))
    throw apiErrors.badRequest("Invalid topicName");
  const expiration = ctx.state.now() + CHANNEL_TTL_MS;
  const historyId = box.historyId();
  ctx.state.push.gmailWatches.set(ctx.account.profile.email, {
    email: ctx.account.profile.email,
    topicName: b.topicName,
    expiration,
    historyId,
  });
  return { historyId: String(historyId), expiration: String(expiration) };
}

function usersStop(ctx: ApiContext) {
  mailbox(ctx);
  ctx.state.push.gmailWatches.delete(ctx.account.profile.email);
  return {};
}

export const PUSH_ROUTES: ApiRoute[] = [
  {
    method: "POST",
    pattern: /^\/calendar\/v3\/calendars\/([^/]+)\/events\/watch$/,
    id: "calendar.events.watch",
    cost: 1,
    api: "calendar",
    handler: eventsWatch,
  },
  {
    method: "POST",
    pattern: /^\/calendar\/v3\/channels\/stop$/,
    id: "calendar.channels.stop",
    cost: 1,
    api: "calendar",
    handler: channelsStop,
  },
  {
    method: "POST",
    pattern: /^\/gmail\/v1\/users\/([^/]+)\/watch$/,
    id: "gmail.users.watch",
    cost: 100,
    api: "gmail",
    handler: usersWatch,
  },
  {
    method: "POST",
    pattern: /^\/gmail\/v1\/users\/([^/]+)\/stop$/,
    id: "gmail.users.stop",
    cost: 50,
    api: "gmail",
    handler: usersStop,
  },
];
