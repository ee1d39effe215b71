import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { authedClients } from "../tools/google-emulator/test-clients";
import { spec } from "./lib";

const PASSWORD = "outbox e2e password";

async function apiPost(page: Page, path: string, body: unknown = {}) {
  const csrf = (await page.context().cookies()).find((c) => c.name === "csrf")?.value ?? "";
  const res = await page.request.post(path, {
    data: body,
    headers: { "x-csrf-token": decodeURIComponent(csrf) },
  });
  assert.ok(res.ok(), `${path} → ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { data: unknown }).data;
}

type TimelineItem = { kind: string; subject?: string | null; direction?: string | null };

export default [
  spec(
    "compose on a contact → approve (asking Google for send) → in Gmail's SENT and on the timeline → import adds no duplicate",
    async ({ page, google, screenshot }) => {
      await page.goto("/signup");
      await page.fill("#email", `outbox-${randomUUID().slice(0, 8)}@test.local`);
      await page.fill("#password", PASSWORD);
      await page.click("button[type=submit]");
      await page.waitForURL((u) => u.pathname === "/");

      // Gmail connected read-only, as every user starts.
      await page.goto("/settings/sync");
      const gmail = page.getByTestId("sync-card-gmail");
      await gmail.getByRole("link", { name: "Connect Gmail" }).click();
      await page.waitForURL((u) => u.href.startsWith(google.url));
      await page.getByRole("button", { name: "Allow" }).click();
      await page.waitForURL((u) => u.pathname === "/settings/sync");
      await gmail.getByText("Connected", { exact: true }).waitFor();

      const contact = (await apiPost(page, "/api/v1/contacts", {
        displayName: "Olivia Outbox",
        emails: [{ value: "olivia.outbox@example.net", isPrimary: true }],
      })) as { id: string };
      const subject = `Your next session ${randomUUID().slice(0, 6)}`;

      // Compose on the contact page: the draft goes to the Outbox.
      await page.goto(`/contacts/${contact.id}`);
      await page.getByRole("button", { name: "Email", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Email Olivia Outbox" });
      await dialog.waitFor();
      await page.fill("#ce-subject", subject);
      await page.fill("#ce-body", "Hi Olivia,\n\nSee you **Thursday** at 10.");
      await screenshot("compose");
      await dialog.getByRole("button", { name: "Save to Outbox" }).click();
      await page.getByText("Saved to your Outbox").first().waitFor();

      // Approve: the first send asks Google for the send permission (incremental consent).
      await page.goto("/outbox");
      const row = page.getByTestId("outbox-row").filter({ hasText: subject });
      await row.getByText("Olivia Outbox").waitFor();
      await screenshot("outbox-draft");
      await row.getByRole("button", { name: "Approve & send" }).click();
      await page.getByRole("link", { name: "Allow sending" }).click();
      await page.waitForURL((u) => u.href.startsWith(google.url));
      await page.getByRole("button", { name: "Allow" }).click();
      // Back in the Outbox, told to approve again.
      await page.waitForURL((u) => u.pathname === "/outbox");
      await page.getByText("Sending from your Gmail is allowed now").waitFor();
      await row.getByRole("button", { name: "Approve & send" }).click();
      await row.getByText(/^Sent/).waitFor({ timeout: 60_000 });
      await screenshot("outbox-sent");

      // In the emulator's SENT, once.
      const { gmail: g } = authedClients(google, google.defaultAccount);
      const sent = await g.users.messages.list({ userId: "me", q: `in:sent subject:"${subject}"` });
      assert.equal(sent.data.messages?.length, 1);

      // On the timeline at once.
      await page.goto(`/contacts/${contact.id}`);
      const timeline = page.getByRole("list", { name: "Timeline" });
      await timeline.getByText(`Email from you: ${subject}`).waitFor();
      await screenshot("timeline");

      // The next import finds the message in Gmail and adds no second copy.
      await page.goto("/settings/sync");
      await gmail.getByRole("button", { name: "Preview import" }).click();
      await page.getByTestId("preview-gmail").waitFor();
      await gmail.getByRole("button", { name: "Approve import" }).click();
      const batch = page.getByTestId("batches").locator("li").filter({ hasText: "gmail" }).first();
      await batch.getByText("(done)").waitFor({ timeout: 120_000 });
      const res = await page.request.get(`/api/v1/contacts/${contact.id}/timeline`);
      const items = ((await res.json()) as { data: { items: TimelineItem[] } }).data.items;
      const copies = items.filter((i) => i.subject === subject);
      assert.equal(copies.length, 1, JSON.stringify(items));
      assert.equal(copies[0]!.direction, "outbound");
    },
  ),
];
