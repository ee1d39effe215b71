import { getDb } from "@/server/db/client";
import { unsubscribeDigest } from "@/server/digest/unsubscribe-digest";
import { readUnsubscribeToken } from "@/server/digest/unsubscribe-token";
import { unsubscribeContract, unsubscribePageContract } from "@/server/http/contracts/followups";
import { publicRoute } from "@/server/http/route";
import { currentLog } from "@/server/log-context";

export const dynamic = "force-dynamic";

const page = (body: string, status = 200) =>
  new Response(
    `<!doctype html><html><head><meta name="viewport" content="width=device-width"><title>OmniCRM digest</title></head><body style="font-family:system-ui,sans-serif;background:#FAF8F5;color:#1F2421;display:grid;place-items:center;min-height:90vh"><main style="max-width:420px;text-align:center">${body}</main></body></html>`,
    { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } },
  );

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// GET only shows a button: mail link scanners follow links, and must not unsubscribe anyone.
export const GET = publicRoute(unsubscribePageContract, async ({ query }) => {
  const token = query!.token;
  if (!readUnsubscribeToken(token)) return page("<p>This unsubscribe link is not valid.</p>", 404);
  return page(
    `<h1 style="font-size:20px">Stop the morning digest?</h1><form method="post" action="/api/v1/digest/unsubscribe?token=${esc(encodeURIComponent(token))}"><button style="background:#4F7A64;color:#fff;border:0;border-radius:8px;padding:10px 16px;font-size:16px">Unsubscribe</button></form><p style="color:#6B716C">You can turn it back on in Settings.</p>`,
  );
});

export const POST = publicRoute(unsubscribeContract, async ({ query }) => {
  const { db } = await getDb();
  await unsubscribeDigest({ db, log: currentLog() }, { token: query!.token });
  return page(
    '<h1 style="font-size:20px">You\'re unsubscribed</h1><p>No more morning digests. You can turn them back on in Settings.</p>',
  );
});
