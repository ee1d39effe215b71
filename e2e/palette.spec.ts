import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { spec } from "./lib";
import { api, axe, rateLimited, shot, signUp } from "./ui-helpers";
import { navItems, PHONE_BAR_SLOTS } from "../src/components/shell/nav-items";

async function seed(page: Page) {
  const maya = await api(page, "POST", "/api/v1/contacts", { displayName: "Maya Lopez" });
  const sam = await api(page, "POST", "/api/v1/contacts", { displayName: "Sam Rivers" });
  await api(page, "POST", `/api/v1/contacts/${maya.id}/notes`, {
    body: "Plantar fasciitis flared up after the retreat; gentle stretches only.",
  });
  await api(page, "POST", "/api/v1/interactions", {
    type: "session",
    occurredAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    subject: "Private session",
    body: "Worked on hip mobility and breathing.",
    contactIds: [sam.id],
  });
  return { maya, sam };
}

/** Every visible button and form field is at least 44 px tall; the page never scrolls sideways. */
async function assertThumbSized(page: Page, where: string) {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll("main button, main input:not([type=checkbox]), main select")]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && r.height < 44)
      .map(
        ({ el, r }) =>
          `${el.tagName} "${(el.textContent || el.getAttribute("aria-label") || "").trim()}" ${Math.round(r.height)}px`,
      ),
  );
  assert.deepEqual(small, [], `small touch targets on ${where}`);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(wide <= 0, `${where} scrolls sideways by ${wide}px`);
}

export default [
  spec("Ctrl-K finds a note's words and opens its contact", async ({ page, screenshot }) => {
    await signUp(page, "palette");
    const { maya } = await seed(page);
    await page.goto("/contacts");
    await page.keyboard.press("Control+k");
    const palette = page.getByRole("dialog", { name: "Search everything" });
    await palette.waitFor();
    await page.keyboard.type("fasciitis");
    const option = palette.getByRole("option").filter({ hasText: "Plantar fasciitis" });
    await option.waitFor();
    await palette.getByRole("group", { name: "Notes" }).waitFor();
    assert.equal(await option.locator("mark").first().textContent(), "fasciitis");
    await axe(page, "search palette");
    await shot(page, screenshot, "palette");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === `/contacts/${maya.id}`);
    await page.getByRole("heading", { name: "Maya Lopez", level: 1 }).waitFor();
    await page.getByRole("tab", { name: "Notes", selected: true }).waitFor();
    await page.getByText("gentle stretches only").waitFor();

    // Interaction bodies are searched too; arrow keys move between results.
    await page.keyboard.press("Control+k");
    await palette.waitFor();
    await page.keyboard.type("hip mobility");
    await palette.getByRole("group", { name: "Emails and sessions" }).waitFor();
    await palette.getByRole("option", { selected: true }).waitFor();
    await page.keyboard.press("Escape");
    await palette.waitFor({ state: "detached" });

    // A failed search says so and retries.
    const searchUrl = (u: URL) => u.pathname === "/api/v1/search";
    await page.route(searchUrl, (r) => r.fulfill(rateLimited));
    await page.keyboard.press("Control+k");
    await page.keyboard.type("stretches");
    await palette.getByText("Too many attempts").waitFor();
    await page.unroute(searchUrl);
    await palette.getByRole("button", { name: "Try again" }).click();
    await palette.getByRole("option").filter({ hasText: "gentle stretches" }).waitFor();
  }),

  spec("dashboard charts, the contact sparkline, and no dead ends", async ({ page, screenshot }) => {
    await signUp(page, "charts");
    const { sam } = await seed(page);
    // "/" is Today once there is data; the charts are on the dashboard.
    await page.goto("/dashboard");
    for (const id of ["chart-stages", "chart-sessions", "chart-new-contacts"])
      await page.getByTestId(id).waitFor();
    await page.getByText("1 session or meeting in the last 12 weeks").waitFor();
    await page.getByTestId("chart-new-contacts").getByText("Show the numbers").click();
    await page.getByTestId("chart-new-contacts").getByRole("table").waitFor();
    await axe(page, "dashboard with charts");
    await shot(page, screenshot, "dashboard-charts");

    await page.goto(`/contacts/${sam.id}`);
    await page
      .getByTestId("activity-sparkline")
      .getByText("1 touchpoint in 1 of the last 12 weeks")
      .waitFor();
    await axe(page, "contact page");
    await shot(page, screenshot, "contact");

    // Failed loads turn into an error with a retry, never a skeleton forever.
    const dashboardUrl = (u: URL) => u.pathname === "/api/v1/dashboard";
    await page.route(dashboardUrl, (r) => r.fulfill(rateLimited));
    await page.goto("/dashboard");
    await page.getByRole("alert").getByText("Too many attempts").waitFor();
    await page.unroute(dashboardUrl);
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByText("Recent activity").waitFor();

    const listUrl = (u: URL) => u.pathname === "/api/v1/contacts";
    await page.route(listUrl, (r) => r.fulfill(rateLimited));
    await page.goto("/contacts");
    await page.getByRole("alert").getByText("Too many attempts").waitFor();
    await shot(page, screenshot, "contacts-error");
    await page.unroute(listUrl);
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByText("Sam Rivers").first().waitFor();
  }),

  spec(
    "every page passes axe; the sidebar runs the full height of a long page",
    async ({ page, screenshot }) => {
      await signUp(page, "pages");
      const { maya } = await seed(page);
      for (const [path, ready, name] of [
        ["/dashboard", "Recent activity", "dashboard"],
        ["/contacts", "Maya Lopez", "contacts"],
        [`/contacts/${maya.id}`, "Timeline", "contact"],
        ["/contacts/trash", "Trash is empty", "trash"],
        ["/contacts/duplicates", "No duplicates found", "duplicates"],
        ["/assistant", "The assistant is not set up yet", "assistant"],
        ["/settings/sync", "What to import", "sync"],
      ] as const) {
        await page.goto(path);
        await page.getByText(ready).first().waitFor();
        await axe(page, path);
        await shot(page, screenshot, name);
      }
      // A long page: the sidebar column reaches the bottom of the document.
      await page.goto("/settings/ai");
      await page.getByTestId("ai-usage-chart").waitFor();
      await page.setViewportSize({ width: 1280, height: 500 });
      const heights = await page.evaluate(() => ({
        aside: document.querySelector("aside")!.getBoundingClientRect().height,
        doc: document.documentElement.scrollHeight,
      }));
      assert.ok(heights.doc > 600, `page is long (${heights.doc})`);
      assert.ok(heights.aside >= heights.doc - 1, `sidebar ${heights.aside}px of ${heights.doc}px`);
      await shot(page, screenshot, "long-page-sidebar");
    },
  ),

  spec("the signed-out pages and the API reference pass axe", async ({ page, screenshot }) => {
    for (const [path, ready, name] of [
      ["/login", "Sign in", "login"],
      ["/signup", "Create", "signup"],
      ["/reset-password", "Reset", "reset-password"],
      ["/docs/api", "OmniCRM API", "api-docs"],
    ] as const) {
      await page.goto(path);
      await page.getByText(ready).first().waitFor();
      await axe(page, path);
      await shot(page, screenshot, name);
    }
  }),

  spec(
    "phone: installable, the bottom bar reaches every section, 44 px targets",
    async ({ page, screenshot }) => {
      await signUp(page, "phone");
      await page.setViewportSize({ width: 390, height: 844 });
      const manifest = await page.request.get("/manifest.webmanifest");
      assert.equal(manifest.status(), 200);
      const m = (await manifest.json()) as { display: string; icons: { src: string; sizes: string }[] };
      assert.equal(m.display, "standalone");
      for (const icon of m.icons) {
        const r = await page.request.get(icon.src);
        assert.equal(r.headers()["content-type"], "image/png", icon.src);
      }
      assert.ok(await page.locator("link[rel=manifest]").count());

      const bar = page.getByRole("navigation", { name: "Main" });
      const links = bar.getByRole("link");
      const labels = await links.allTextContents();
      // The bar holds the first nav items; with more than fit, the last slot is "More".
      const inBar = navItems.length > PHONE_BAR_SLOTS ? PHONE_BAR_SLOTS - 1 : navItems.length;
      assert.deepEqual(
        labels,
        navItems.slice(0, inBar).map((i) => i.label),
      );
      for (const label of labels) {
        const box = (await bar.getByRole("link", { name: label }).boundingBox())!;
        assert.ok(box.height >= 44 && box.width >= 44, `${label}: ${box.width}×${box.height}`);
        await bar.getByRole("link", { name: label }).click();
        await page.waitForLoadState("networkidle");
        await assertThumbSized(page, label);
        await axe(page, `phone ${label}`);
        await screenshot(`phone-${label.toLowerCase()}`);
      }
      // Search is one tap away on a phone too.
      await page.getByRole("button", { name: "Search", exact: true }).click();
      await page.getByRole("dialog", { name: "Search everything" }).waitFor();
      await page.keyboard.press("Escape");

      // Settings sections scroll sideways on a phone, each a 44 px target. (Settings sits
      // behind "More" once the bar is full, so open it directly.)
      await page.goto("/settings");
      const section = page
        .getByRole("navigation", { name: "Settings sections" })
        .getByRole("link", { name: "Account" });
      const box = (await section.boundingBox())!;
      assert.ok(box.height >= 44, `settings link ${box.height}`);
      await section.click();
      await page.getByRole("heading", { name: "Account", level: 2, exact: true }).waitFor();
      await assertThumbSized(page, "phone settings account");
      await shot(page, screenshot, "phone-settings-account");
    },
  ),
];
