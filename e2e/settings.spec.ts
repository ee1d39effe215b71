import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { spec } from "./lib";
import { api, axe, PASSWORD, rateLimited, shot, signUp } from "./ui-helpers";

async function openSection(page: Page, label: string) {
  await page
    .getByRole("navigation", { name: "Settings sections" })
    .getByRole("link", { name: label })
    .click();
  await page.getByRole("heading", { name: label, level: 2, exact: true }).waitFor();
}

export default [
  spec(
    "settings: profile, tags and CRM save, with success and error states",
    async ({ page, screenshot }) => {
      await signUp(page, "settings");

      // Profile (the default section): name and time zone, saved and still there after a reload.
      await page.goto("/settings");
      await page.getByRole("heading", { name: "Profile", level: 2 }).waitFor();
      await page.fill("#profile-name", "");
      await page.locator("#profile-name").blur();
      await page.getByText("Enter your name").waitFor();
      await page.fill("#profile-name", "Maya Lopez");
      await page.selectOption("#profile-tz", "Europe/London");
      await page.getByRole("button", { name: "Save profile" }).click();
      await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
      await axe(page, "settings: profile");
      await shot(page, screenshot, "profile");
      await page.reload();
      assert.equal(await page.inputValue("#profile-name"), "Maya Lopez");
      assert.equal(await page.inputValue("#profile-tz"), "Europe/London");

      // Tags: the starter set is offered while there are none; then rename, create, merge, delete.
      await openSection(page, "Tags");
      await page.getByRole("heading", { name: "No tags yet" }).waitFor();
      await page.getByRole("button", { name: "Add the starter set" }).click();
      await page.getByText("10 starter tags added").waitFor();
      await page.getByTestId("tag-row").nth(9).waitFor();
      assert.equal(await page.getByTestId("tag-row").count(), 10);
      const contact = await api(page, "POST", "/api/v1/contacts", { displayName: "Workshop Walker" });
      const tags = await (await page.request.get("/api/v1/tags")).json();
      const workshop = (tags.data.items as { id: string; name: string }[]).find(
        (t) => t.name === "Workshop",
      )!;
      await api(page, "POST", "/api/v1/contacts/bulk", {
        action: "addTags",
        ids: [contact.id],
        tagIds: [workshop.id],
      });
      await page.fill("[aria-label='Name of Online']", "Online sessions");
      await page.keyboard.press("Enter");
      await page.getByText("Saved “Online sessions”").waitFor();
      await page.fill("#new-tag-name", "Prenatal");
      await page.getByRole("button", { name: "Add tag" }).click();
      await page.getByText("Tag “Prenatal” added").waitFor();
      await page.getByRole("button", { name: "Merge Workshop into another tag" }).click();
      const merge = page.getByRole("dialog", { name: "Merge “Workshop”" });
      await merge.waitFor();
      await axe(page, "settings: merge tags dialog");
      await merge.getByLabel("Merge into").selectOption({ label: "Retreat" });
      await merge.getByRole("button", { name: "Merge tags" }).click();
      await page.getByText("Merged “Workshop” into “Retreat”").waitFor();
      const contactAfter = await (await page.request.get(`/api/v1/contacts/${contact.id}`)).json();
      assert.deepEqual(
        (contactAfter.data.tags as { name: string }[]).map((t) => t.name),
        ["Retreat"],
      );
      await page.getByRole("button", { name: "Delete Prenatal" }).click();
      await page
        .getByRole("dialog", { name: "Delete “Prenatal”?" })
        .getByRole("button", { name: "Delete tag" })
        .click();
      await page.getByText("Tag “Prenatal” deleted").waitFor();
      await page.locator("[aria-label='Name of Prenatal']").waitFor({ state: "detached" });
      assert.equal(await page.getByTestId("tag-row").count(), 9);
      await axe(page, "settings: tags");
      await shot(page, screenshot, "tags");

      // CRM: inline validation on blur, then a save.
      await openSection(page, "CRM");
      await page.fill("#crm-days", "3");
      await page.locator("#crm-days").blur();
      await page.getByText("Enter a whole number of days from 7 to 365.").waitFor();
      await page.fill("#crm-days", "30");
      await page.getByLabel("Hide card and bank account numbers in notes").check();
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
      const crm = await (await page.request.get("/api/v1/settings/crm")).json();
      assert.deepEqual(crm.data, { atRiskDays: 30, redactNotes: true });
      await axe(page, "settings: crm");
      await shot(page, screenshot, "crm");
    },
  ),

  // A second user: one walk through every section would come close to the 60/min API limit.
  spec("settings: AI, data and account sections", async ({ page, screenshot }) => {
    await signUp(page, "settings2");
    await page.goto("/settings/ai");
    await page.getByRole("heading", { name: "AI", level: 2, exact: true }).waitFor();
    await page.getByText("No AI provider is set up on this server").waitFor();
    await page.getByTestId("ai-credits-left").waitFor();
    await page.getByTestId("ai-usage-chart").waitFor();
    await page.getByText("No AI calls yet").waitFor();
    await page.getByRole("switch", { name: /health context/ }).check();
    await page.getByText("Health notes will be shared with the AI").waitFor();
    const ai = await (await page.request.get("/api/v1/ai/settings")).json();
    assert.equal(ai.data.includeHealthContext, true);
    await axe(page, "settings: ai");
    await shot(page, screenshot, "ai");

    // Data: the full export downloads; the import history starts empty with a way in.
    await openSection(page, "Data");
    const href = await page.getByRole("link", { name: "Download all my data" }).getAttribute("href");
    const exported = await page.request.get(href!);
    assert.equal(exported.status(), 200);
    await page.getByText("No imports yet").waitFor();
    await axe(page, "settings: data");
    await shot(page, screenshot, "data");

    // Account: this device listed; a wrong current password is named; the change works.
    await openSection(page, "Account");
    await page.getByTestId("session-row").filter({ hasText: "This device" }).waitFor();
    await page.fill("#pw-currentPassword", "not my password");
    await page.fill("#pw-newPassword", "a brand new password");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Wrong password").waitFor();
    await page.fill("#pw-currentPassword", PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Your other devices were signed out.").waitFor();
    await page.getByRole("heading", { name: "Delete account" }).waitFor();
    await axe(page, "settings: account");
    await shot(page, screenshot, "account");
  }),

  spec(
    "a failed or rate-limited load shows an error with a retry that works",
    async ({ page, screenshot }) => {
      await signUp(page, "settings-err");
      const crmUrl = (u: URL) => u.pathname === "/api/v1/settings/crm";
      await page.route(crmUrl, (r) => r.fulfill(rateLimited));
      await page.goto("/settings/crm");
      await page.getByText("Too many attempts. Wait a few minutes and try again.").waitFor();
      await shot(page, screenshot, "crm-error");
      await page.unroute(crmUrl);
      await page.getByRole("button", { name: "Try again" }).click();
      await page.locator("#crm-days").waitFor();
      assert.equal(await page.inputValue("#crm-days"), "45");
    },
  ),
];
