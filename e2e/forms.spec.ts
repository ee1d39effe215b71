import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { spec } from "./lib";

const PASSWORD = "forms e2e password";

async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  assert.ok(res.ok(), `GET ${path} → ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { data: T }).data;
}

export default [
  spec(
    "a massage intake: built from the template, filled and signed on a phone, approved into the contact",
    async ({ page, context, server, screenshot }) => {
      // The practitioner builds a form from the massage template and makes a link.
      await page.goto("/signup");
      await page.fill("#email", `prac-${randomUUID().slice(0, 8)}@test.local`);
      await page.fill("#password", PASSWORD);
      await page.click("button[type=submit]");
      await page.waitForURL((u) => u.pathname === "/");
      await page.goto("/forms");
      await page.getByRole("button", { name: /Massage intake/ }).click();
      await page.waitForURL((u) => /^\/forms\/[0-9a-f-]{36}$/.test(u.pathname));
      await page.getByRole("heading", { name: "Massage intake" }).waitFor();
      await page.getByRole("listitem", { name: /Long text: Areas to avoid/ }).waitFor();
      await page.getByRole("button", { name: "Preview" }).click();
      await page.getByLabel("Preview").getByText("Preferred pressure").waitFor();
      await screenshot("builder-preview");
      await page.getByRole("button", { name: "Edit" }).click();
      await page.getByRole("button", { name: "Share" }).click();
      await page.getByRole("button", { name: "Make link" }).click();
      const url = await page.locator("#share-url").inputValue();
      assert.match(url, /\/f\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
      const path = new URL(url).pathname;

      // The client, on a phone, no account: answers, leaves, comes back to a kept draft, signs.
      const phone = await context.browser()!.newContext({
        baseURL: server.url,
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      const client = await phone.newPage();
      await client.goto(path);
      await client.getByRole("heading", { name: "Massage intake" }).waitFor();
      await client.fill("#q_name", "Ana Silva");
      await client.fill("#q_email", "ana@example.com");
      await client.fill("#q_phone", "+351 912 345 678");
      await client.fill("#q_health_conditions", "Lower back strain");
      await client.fill("#q_health_allergies", "Lavender oil");
      await client.fill("#q_areas_to_avoid", "Left knee");
      await client.check("input[name=pressure][value=Medium]");
      await client.reload();
      assert.equal(
        await client.inputValue("#q_health_allergies"),
        "Lavender oil",
        "draft kept in the browser",
      );
      assert.equal(await client.isChecked("input[name=pressure][value=Medium]"), true);
      await client.check("#q_consent");
      await client.fill("#sig_name", "Ana Silva");
      const box = (await client.locator("#sig").boundingBox())!;
      await client.mouse.move(box.x + 20, box.y + box.height * 0.7);
      await client.mouse.down();
      for (let i = 1; i <= 12; i++)
        await client.mouse.move(box.x + 20 + i * 20, box.y + box.height * (0.7 - (i % 3) * 0.15));
      await client.mouse.up();
      await screenshot("client-signed");
      await client.screenshot({ path: "test-results/forms-client-phone.png", fullPage: true });
      await client.getByRole("button", { name: "Send" }).click();
      await client.getByRole("heading", { name: "Thank you" }).waitFor();
      assert.equal(await client.evaluate(() => localStorage.length), 0, "draft cleared after sending");
      await phone.close();

      // The practitioner reviews where each answer goes and approves.
      await page.goto("/forms");
      const card = page.getByRole("article", { name: /Massage intake from Ana Silva/ });
      await card.getByText("New Prospect: Ana Silva").waitFor();
      await card
        .getByText("Health context (encrypted): allergies")
        .or(card.getByText("Health context (encrypted)"))
        .first()
        .waitFor();
      await screenshot("review");
      await card.getByRole("button", { name: "Approve" }).click();
      await page.getByText("Added to Ana Silva").waitFor();

      const subs = await apiGet<{ items: { status: string; match: { contactId: string } }[] }>(
        page,
        "/api/v1/form-submissions",
      );
      assert.equal(subs.items[0]!.status, "approved");
      const contactId = subs.items[0]!.match.contactId;
      const contact = await apiGet<{
        stage: string;
        healthContext: { allergies?: string; notes?: string } | null;
      }>(page, `/api/v1/contacts/${contactId}`);
      assert.equal(contact.stage, "Prospect");
      assert.equal(contact.healthContext?.allergies, "Lavender oil");
      assert.match(contact.healthContext?.notes ?? "", /Areas to avoid: Left knee/);

      // The contact page lists the verified consent with its signed PDF.
      await page.goto(`/contacts/${contactId}`);
      await page.getByRole("tab", { name: "Details" }).click();
      const consents = page.getByRole("list", { name: "Signed consents" });
      await consents.getByText("Verified: matches its SHA-256 hash").waitFor();
      await screenshot("contact-consents");
      const href = await consents.getByRole("link", { name: "Signed PDF" }).getAttribute("href");
      const pdf = await page.request.get(href!);
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()["content-type"], "application/pdf");
      assert.equal((await pdf.body()).subarray(0, 5).toString(), "%PDF-");
      // …and the same signed PDF is in the client's files.
      const files = await apiGet<{ items: { source: string; mimeType: string; downloadUrl: string }[] }>(
        page,
        `/api/v1/contacts/${contactId}/files`,
      );
      const signed = files.items.find((f) => f.source === "consent");
      assert.equal(signed?.mimeType, "application/pdf");
      const copy = await page.request.get(signed!.downloadUrl);
      assert.ok((await copy.body()).equals(await pdf.body()), "the file is the consent's PDF");
    },
  ),
];
