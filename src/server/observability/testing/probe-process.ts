// A process that starts observability from its env the way web and worker do, turns one
// request into a 500, and prints which observability SDK modules it loaded. Run by
// start-observability.int.test.ts: `node --import tsx probe-process.ts`.
import { register } from "node:module";
import { MessageChannel } from "node:worker_threads";

const HOOK = `let port;
export async function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  port.postMessage(r.url);
  return r;
}`;

const { port1, port2 } = new MessageChannel();
const loaded: string[] = [];
port1.on("message", (url: string) => loaded.push(url));
register(`data:text/javascript,${encodeURIComponent(HOOK)}`, {
  data: { port: port2 },
  transferList: [port2],
});

const { env } = await import("@/lib/env");
const { rootLog } = await import("../../log");
const { startObservability } = await import("../start-observability");
const { apiRoute } = await import("../../http/handler");

const obs = await startObservability(env(), "web", rootLog());
const res = await apiRoute(async () => {
  throw new Error("probe failure");
})(new Request("http://localhost/api/v1/probe", { headers: { cookie: "a=b" } }), {
  params: Promise.resolve({}),
});
await obs.shutdown();
await new Promise((r) => setTimeout(r, 100)); // the hook thread's last messages
port1.close();
const sdk = loaded.filter((u) => /\/node_modules\/(@sentry\/|@opentelemetry\/(?!api\/))/.test(u));
process.stdout.write(
  `${JSON.stringify({ status: res.status, sentry: obs.sentry, tracing: obs.tracing, sdk })}\n`,
);
