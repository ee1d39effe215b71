import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { spec } from "./lib";

const PASSWORD = "sync e2e password";

type Batch = { id: string; provider: string; status: string; counts: Record<string, unknown> };

export default [
  spec(
    "connect Gmail, preview, approve, contacts with a timeline, undo the batch",
    async ({ page, google, screenshot }) => {
      await page.goto("/signup");
      await page.fill("#email", `sync-${randomUUID().slice(0, 8)}@test.local`);
      await page.fill("#password", PASSWORD);
      await page.click("button[type=submit]");
      await page.waitForURL((u) => u.pathname === "/");

      // The sync page stays open through the whole import without tripping the 60/min API
      // limit (progress arrives over one server-sent-events stream, not polling).
      const limited: string[] = [];
      let progressStreams = 0;
      page.on("response", (r) => {
        if (r.status() === 429) limited.push(r.url());
        if (r.url().includes("/api/v1/sync/progress")) progressStreams++;
      });

      // Connect: the app sends us to Google's (the emulator's) consent page and back.
      await page.goto("/settings/sync");
      const gmail = page.getByTestId("sync-card-gmail");
      await gmail.getByText("Not connected").waitFor();
      await screenshot("not-connected");
      await gmail.getByRole("link", { name: "Connect Gmail" }).click();
      await page.waitForURL((u) => u.href.startsWith(google.url));
      await page.getByRole("heading", { name: "Sign in with Google" }).waitFor();
      assert.equal(await page.locator("#email").inputValue(), google.defaultAccount);
      await screenshot("consent");
      await page.getByRole("button", { name: "Allow" }).click();
      await page.waitForURL(
        (u) => u.pathname === "/settings/sync" && u.searchParams.get("connected") === "google",
      );
      await page.getByText("Google connected").first().waitFor();
      await gmail.getByText("Connected", { exact: true }).waitFor();
      await gmail.getByText(google.defaultAccount).waitFor();

      // Preview: counts and the new contacts it would create, nothing imported yet.
      await gmail.getByRole("button", { name: "Preview import" }).click();
      const preview = page.getByTestId("preview-gmail");
      await preview.waitFor();
      const text = await preview.innerText();
      const m = /About (\d+) emails would be imported and (\d+) new\s+contacts/.exec(
        text.replace(/\s+/g, " "),
      );
      assert.ok(m, `preview text: ${text}`);
      assert.ok(Number(m[1]) > 0, "the preview counts emails");
      assert.ok(Number(m[2]) > 0, "the preview offers new contacts");
      await screenshot("preview");

      // Approve: the job runs in the background; the card shows progress until it is done.
      await gmail.getByRole("button", { name: "Approve import" }).click();
      await page.getByText("Gmail import started").first().waitFor();
      const batch = page.getByTestId("batches").locator("li").filter({ hasText: "gmail" }).first();
      await batch.waitFor();
      await screenshot("importing");
      await batch.getByText("(done)").waitFor({ timeout: 120_000 });
      const done = (await batch.innerText()).replace(/\s+/g, " ");
      const counts = /(?<!\d)(\d+) items, (\d+) new contacts/.exec(done);
      assert.ok(counts, `batch row: ${done}`);
      const created = Number(counts[2]);
      assert.ok(Number(counts[1]) > 0 && created > 0, `batch row: ${done}`);
      await gmail.getByText("Connected", { exact: true }).waitFor();
      await screenshot("imported");
      assert.deepEqual(limited, [], "no request of the sync page was rate limited");
      assert.ok(progressStreams > 0, "progress came over the event stream");

      // The new contacts are in the list (this user had none), each with its emails on the timeline.
      await page.goto("/contacts");
      await page.getByText(`${created} in total`).waitFor();
      await screenshot("contacts");
      await page.locator("table").getByRole("link").first().click();
      await page.waitForURL(/\/contacts\/[0-9a-f-]{36}/);
      const timeline = page.getByRole("list", { name: "Timeline" });
      await timeline.locator("li").first().waitFor();
      assert.ok((await timeline.locator("li").count()) > 0);
      await screenshot("timeline");

      // Undo the batch: every contact it created (untouched since) is gone again.
      await page.goto("/settings/sync");
      const row = page.getByTestId("batches").locator("li").filter({ hasText: "gmail" }).first();
      await row.getByRole("button", { name: "Undo" }).click();
      await page.getByText("Import undone").first().waitFor();
      await page.getByText(`and ${created} contacts`).first().waitFor();
      await row.getByText("(undone)").waitFor();
      await screenshot("undone");
      const res = await page.request.get("/api/v1/sync/batches");
      const items = ((await res.json()) as { data: { items: Batch[] } }).data.items;
      assert.equal(items.find((b) => b.provider === "gmail")?.status, "undone");
      await page.goto("/contacts");
      await page.getByRole("heading", { name: "No contacts yet" }).waitFor();
      await screenshot("contacts-after-undo");
    },
  ),
];
