import { chromium } from "playwright-core";

/** Pages whose first paint bench:api measures; `:contact` is the timeline contact's id. */
export const PAGES: [string, string][] = [
  ["contacts page", "/contacts"],
  ["contact page", "/contacts/:contact"],
  ["dashboard page", "/dashboard"],
  ["sync page", "/settings/sync"],
];

/**
 * The API GETs each page makes on its first paint, as a real browser sends them: headless
 * Debian chromium (as e2e/run.sh uses; CHROMIUM_PATH overrides) signed in with the bench
 * user's cookies, every same-origin /api/ GET until the network is idle (event streams
 * left out). Read from the
 * running app rather than listed by hand, so the rows follow the UI as it changes.
 */
export async function discoverPageCalls(
  baseUrl: string,
  cookies: Map<string, string>,
  pages: [string, string][],
): Promise<Map<string, string[]>> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
    headless: true,
  });
  const out = new Map<string, string[]>();
  try {
    const context = await browser.newContext({ baseURL: baseUrl });
    await context.addCookies([...cookies].map(([name, value]) => ({ name, value, url: baseUrl })));
    for (const [name, path] of pages) {
      const page = await context.newPage();
      const calls: string[] = [];
      page.on("request", (r) => {
        const u = new URL(r.url());
        // An EventSource (the sync page's progress stream) never ends: not a first-paint call.
        if (r.resourceType() === "eventsource") return;
        if (u.origin === new URL(baseUrl).origin && u.pathname.startsWith("/api/") && r.method() === "GET")
          calls.push(u.pathname + u.search);
      });
      await page.goto(path, { waitUntil: "networkidle", timeout: 120_000 });
      out.set(name, calls);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}
