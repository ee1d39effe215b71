import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { spec } from "./lib";

const PASSWORD = "followups e2e password";

type ContactRow = { id: string; displayName: string; lastInteractionAt: string | null };

async function importGmail(page: Page, googleUrl: string) {
  await page.goto("/settings/sync");
  const gmail = page.getByTestId("sync-card-gmail");
  await gmail.getByRole("link", { name: "Connect Gmail" }).click();
  await page.waitForURL((u) => u.href.startsWith(googleUrl));
  await page.getByRole("button", { name: "Allow" }).click();
  await page.waitForURL(
    (u) => u.pathname === "/settings/sync" && u.searchParams.get("connected") === "google",
  );
  await gmail.getByRole("button", { name: "Preview import" }).click();
  await page.getByTestId("preview-gmail").waitFor();
  await gmail.getByRole("button", { name: "Approve import" }).click();
  const batch = page.getByTestId("batches").locator("li").filter({ hasText: "gmail" }).first();
  await batch.getByText("(done)").waitFor({ timeout: 120_000 });
}

export default [
  spec(
    "import → set a rhythm → Today lists the contact → log a call → it leaves Today; a task in words reaches the feed",
    async ({ page, google, screenshot }) => {
      await page.goto("/signup");
      await page.fill("#email", `followups-${randomUUID().slice(0, 8)}@test.local`);
      await page.fill("#password", PASSWORD);
      await page.click("button[type=submit]");
      await page.waitForURL((u) => u.pathname === "/");
      await importGmail(page, google.url);

      // Someone last heard from at least two days ago.
      const res = await page.request.get("/api/v1/contacts?limit=100");
      const items = ((await res.json()) as { data: { items: ContactRow[] } }).data.items;
      const quiet = items.find(
        (c) => c.lastInteractionAt && Date.parse(c.lastInteractionAt) < Date.now() - 2 * 86_400_000,
      );
      assert.ok(quiet, `an imported contact quiet for two days (of ${items.length})`);

      // Set a rhythm on the contact page.
      await page.goto(`/contacts/${quiet.id}`);
      await page.getByRole("tab", { name: "Follow-ups" }).click();
      await page.getByLabel("Keep in touch every (days)").fill("1");
      await page.getByRole("button", { name: "Save rhythm" }).click();
      await page.getByText("Rhythm saved").first().waitFor();
      await page
        .getByTestId("rhythm-summary")
        .getByText("Every day (its own rhythm).", { exact: false })
        .waitFor();
      await screenshot("rhythm");

      // Today (home) lists them with why; logging a call takes them off.
      await page.goto("/");
      const due = page.getByRole("list", { name: "Due for contact" });
      const row = due.locator("li").filter({ hasText: quiet.displayName });
      await row.waitFor();
      assert.match(await row.innerText(), /every day · last seen \d+ days ago/);
      await screenshot("today");
      await row.getByRole("button", { name: `Log a call or session with ${quiet.displayName}` }).click();
      const dialog = page.getByRole("dialog", { name: `Log a call or session with ${quiet.displayName}` });
      await dialog.getByText("Call", { exact: true }).click();
      await dialog.getByRole("button", { name: "Log call" }).click();
      await page.getByText(`Call logged for ${quiet.displayName}`).first().waitFor();
      await row.waitFor({ state: "detached" });
      await screenshot("today-after-log");

      // A task in words lands in the calendar feed.
      await page.getByLabel("New task, in words").fill(`Call ${quiet.displayName} tomorrow 9am`);
      await page.getByRole("button", { name: "Add", exact: true }).click();
      await page.getByText(`Added: Call ${quiet.displayName}`).first().waitFor();
      await page.goto("/settings");
      await page.getByRole("button", { name: "Create a feed link" }).click();
      const url = await page.getByTestId("feed-url").inputValue();
      assert.match(url, /\/api\/v1\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
      const feed = await fetch(url); // no session: the token is the only key
      assert.equal(feed.status, 200);
      assert.match(feed.headers.get("content-type") ?? "", /^text\/calendar/);
      const ics = await feed.text();
      assert.ok(ics.includes(`SUMMARY:Call ${quiet.displayName}`), ics.slice(0, 2000));
      await screenshot("feed");

      // A new link turns the old one off.
      await page.getByRole("button", { name: "Make a new link" }).click();
      await page.waitForFunction(
        (old) => (document.querySelector("[data-testid=feed-url]") as HTMLInputElement | null)?.value !== old,
        url,
      );
      assert.equal((await fetch(url)).status, 404);
    },
  ),
];
