import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { spec } from "./lib";

const PASSWORD = "contacts e2e password";

async function signUp(page: Page) {
  await page.goto("/signup");
  await page.fill("#email", `crm-${randomUUID().slice(0, 8)}@test.local`);
  await page.fill("#password", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForURL((u) => u.pathname === "/");
}

/** JSON POST as the signed-in user (CSRF double-submit like the app's api-client). */
async function apiPost(page: Page, path: string, body: unknown = {}) {
  const csrf = (await page.context().cookies()).find((c) => c.name === "csrf")?.value ?? "";
  const res = await page.request.post(path, {
    data: body,
    headers: { "x-csrf-token": decodeURIComponent(csrf) },
  });
  assert.ok(res.ok(), `${path} → ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { data: unknown }).data;
}

/** No serious or critical axe violations on the current page. */
async function axe(page: Page, where: string) {
  const r = await new AxeBuilder({ page }).analyze();
  const bad = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(
    bad.map(
      (v) =>
        `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} (${n.any[0]?.message ?? ""})`).join(", ")}`,
    ),
    [],
    `axe violations on ${where}`,
  );
}

/** A w×h PNG, sage on the left half and clay on the right. */
function photo(w: number, h: number): Buffer {
  const png = new PNG({ width: w, height: h });
  for (let i = 0; i < w * h; i++)
    png.data.set(i % w < w / 2 ? [79, 122, 100, 255] : [194, 128, 90, 255], i * 4);
  return PNG.sync.write(png);
}

async function quickAdd(page: Page, name: string, email?: string) {
  await page.keyboard.press("n");
  await page.getByRole("dialog", { name: "New contact" }).waitFor();
  await page.fill("#qa-displayName", name);
  if (email) await page.fill("#qa-email", email);
  await page.getByRole("button", { name: "Add contact" }).click();
  await page.getByText(`${name} added`).first().waitFor();
  await page.getByRole("dialog").waitFor({ state: "detached" });
}

export default [
  spec(
    "create, search, edit, tag, note, merge, import, export, delete and undo",
    async ({ page, screenshot }) => {
      await signUp(page);
      await page.getByText("Welcome to OmniCRM").waitFor();
      await axe(page, "empty dashboard");

      // First run: the empty state offers the three ways in.
      await page.goto("/contacts");
      await page.getByRole("heading", { name: "No contacts yet" }).waitFor();
      await page.getByRole("link", { name: "Connect Google" }).waitFor();

      // Quick add with inline validation from the API's schema (on blur, before any request).
      await page.keyboard.press("n");
      await page.fill("#qa-displayName", "Grace Hopper");
      await page.fill("#qa-email", "not-an-email");
      await page.locator("#qa-phone").focus();
      await page.getByText("invalid email address").waitFor();
      await page.fill("#qa-email", "grace@example.com");
      await page.press("#qa-email", "Enter"); // Enter submits from any field
      await page.getByText("Grace Hopper added").first().waitFor();
      await quickAdd(page, "Ada Lovelace", "ada@example.com");
      await quickAdd(page, "Ada Lovelace");
      await page.getByText("3 in total").waitFor();

      // Search as you type (debounced, server-side).
      await page.keyboard.press("/");
      await page.keyboard.type("grace");
      await page.getByText("1 matching").waitFor();
      const table = page.locator("table");
      await table.getByText("Grace Hopper").waitFor();
      assert.equal(await table.getByText("Ada Lovelace").count(), 0);
      await page.fill("#contact-search", "");
      await page.getByText("3 in total").waitFor();

      // Tag via bulk action, with starter tags offered on first run.
      await apiPost(page, "/api/v1/tags/seed-starter");
      await page.reload();
      await page.getByRole("checkbox", { name: "Select Grace Hopper" }).check();
      await page.getByRole("button", { name: /^Tag/ }).click();
      await page.getByRole("menuitem", { name: "Yoga" }).click();
      await page.getByText("Tagged 1 contact “Yoga”").waitFor();
      await table.getByText("Yoga").waitFor();
      await axe(page, "contacts list");
      await screenshot("list");

      // Contact page: open with the keyboard, change stage, edit a detail, add a note.
      await page.locator("body").click({ position: { x: 5, y: 5 } });
      await page.keyboard.press("j");
      await page.keyboard.press("j");
      await page.keyboard.press("j");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "Grace Hopper", level: 1 }).waitFor();
      const contactUrl = page.url();
      await page.getByRole("button", { name: /Change stage/ }).click();
      await page.getByRole("menuitem", { name: "Core Client" }).click();
      await page.getByText("Grace Hopper is now Core Client").waitFor();
      await page.getByRole("tab", { name: "Details" }).click();
      await page.getByRole("button", { name: "Referral source" }).click();
      await page.keyboard.type("Instagram");
      await page.keyboard.press("Enter");
      await page.getByText("Instagram").waitFor();
      await page.getByRole("button", { name: "Add note" }).click();
      await page.fill("#new-note", "**Lower back** tension\n\n- ice after class\n<script>alert(1)</script>");
      await page.getByRole("button", { name: "Save note" }).click();
      await page.getByText("Note saved").waitFor();
      await page.getByTestId("note").locator("strong", { hasText: "Lower back" }).waitFor();
      await page.getByTestId("note").getByText("<script>alert(1)</script>").waitFor();
      await page.getByRole("tab", { name: "Timeline" }).click();
      await page.getByRole("list", { name: "Timeline" }).getByText("Lower back").first().waitFor();

      await axe(page, "contact page");
      await screenshot("contact");
      await page.reload(); // the edits were saved, not just shown
      await page.getByRole("button", { name: "Stage: Core Client. Change stage" }).waitFor();
      await page.getByRole("tab", { name: "Details" }).click();
      await page.getByText("Instagram").waitFor();

      // Merge the two Ada Lovelace records.
      await page.goto("/contacts/duplicates");
      await page.getByTestId("duplicate-pair").first().waitFor();
      await axe(page, "duplicates");
      await page.getByRole("button", { name: "Merge" }).first().click();
      await page.getByText("Merged into Ada Lovelace").waitFor();
      await page.goto("/contacts");
      await page.getByText("2 in total").waitFor();

      // Import a CSV: preview shows the bad row by line number; confirm imports the good ones.
      await page.getByRole("button", { name: "Import" }).click();
      await page.setInputFiles("#import-file", {
        name: "clients.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(
          "Name,Email,Phone\nMaya Angelou,maya@example.com,+1 555 0100\nNo Email,not-an-email,\nBruce Lee,bruce@example.com,\n",
        ),
      });
      await page.getByTestId("bad-rows").getByText("Line 3").waitFor();
      await screenshot("import-preview");
      await page.getByRole("checkbox", { name: /skip the 1 row/ }).check();
      await page.getByRole("button", { name: /^Import 2 contacts/ }).click();
      await page.getByText("Imported 2 contacts").waitFor();
      await page.getByText("4 in total").waitFor();

      // Export: the menu downloads a CSV with the current contacts.
      await page.getByRole("button", { name: "Export" }).click();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("menuitem", { name: "Contacts as CSV" }).click(),
      ]);
      const csv = await (await download.createReadStream()).toArray();
      const text = Buffer.concat(csv as Buffer[]).toString("utf8");
      assert.match(text, /Grace Hopper/);
      assert.match(text, /Maya Angelou/);

      // Delete from the contact page, then Undo from the toast.
      await page.goto(contactUrl);
      await page.getByRole("button", { name: "More actions" }).click();
      await page.getByRole("menuitem", { name: "Delete contact" }).click();
      await page.waitForURL((u) => u.pathname === "/contacts");
      await page.getByText("Grace Hopper deleted").waitFor();
      await page.getByText("3 in total").waitFor();
      await page.getByRole("button", { name: "Undo" }).click();
      await page.waitForURL((u) => u.pathname === new URL(contactUrl).pathname);
      await page.getByRole("heading", { name: "Grace Hopper", level: 1 }).waitFor();

      // Dashboard with data (home is Today once there is data; the dashboard has its own page).
      await page.goto("/dashboard");
      await page.getByText("Recent activity").waitFor();
      await axe(page, "dashboard");
      await screenshot("dashboard");

      // Phone: the table becomes a card list.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/contacts");
      await page.getByRole("list", { name: "Contacts" }).getByText("Grace Hopper").waitFor();
      await screenshot("list-phone");
    },
  ),
  spec(
    "contact page: log a session, add a photo, delete and restore from the trash",
    async ({ page, screenshot }) => {
      // A user of its own: the flow above already spends most of a user's per-minute API budget.
      await signUp(page);
      const grace = (await apiPost(page, "/api/v1/contacts", { displayName: "Grace Hopper" })) as {
        id: string;
      };
      await apiPost(page, "/api/v1/contacts", { displayName: "Alan Turing" });
      await page.goto(`/contacts/${grace.id}`);
      await page.getByRole("heading", { name: "Grace Hopper", level: 1 }).waitFor();

      // Log a session from the header; it lands on the timeline.
      await page.getByRole("button", { name: "Log session" }).click();
      const logDialog = page.getByRole("dialog", { name: "Log a call or session with Grace Hopper" });
      await logDialog.waitFor();
      await page.fill("#li-occurredAt", "");
      await page.locator("#li-subject").focus();
      await logDialog.getByText("When did it happen?").waitFor(); // inline, on blur
      await page.fill("#li-occurredAt", "2026-03-14T09:30");
      await page.fill("#li-subject", "Prenatal flow");
      await page.fill("#li-body", "Hips felt *much* looser.");
      await axe(page, "log session dialog");
      await logDialog.getByRole("button", { name: "Log session" }).click();
      await page.getByText("Session logged for Grace Hopper").waitFor();
      const timeline = page.getByRole("list", { name: "Timeline" });
      await timeline.getByText("Session: Prenatal flow").click(); // expands inline
      await timeline.locator("em", { hasText: "much" }).waitFor();

      // Avatar: wrong type and too large are explained; a photo is resized to 256 px.
      const avatarInput = page.getByTestId("avatar-input");
      await avatarInput.setInputFiles({
        name: "a.gif",
        mimeType: "image/gif",
        buffer: Buffer.from("GIF89a"),
      });
      await page.getByText("Please choose a PNG or JPEG photo").waitFor();
      await avatarInput.setInputFiles({
        name: "huge.png",
        mimeType: "image/png",
        buffer: Buffer.alloc(6 * 1024 * 1024, 1),
      });
      await page.getByText("The limit is 5 MB").waitFor();
      await avatarInput.setInputFiles({ name: "me.png", mimeType: "image/png", buffer: photo(640, 400) });
      await page.getByText("Photo updated").waitFor();
      const headerImg = page.locator("header img[src*='/avatar?v=']").first();
      await headerImg.waitFor();
      await page.waitForFunction(
        () =>
          (document.querySelector("header img[src*='/avatar?v=']") as HTMLImageElement | null)
            ?.naturalWidth === 256,
      );
      await axe(page, "contact page with photo");
      await screenshot("contact-photo");

      // Delete, then restore from the Trash view (reached from the contacts page).
      await page.getByRole("button", { name: "More actions" }).click();
      await page.getByRole("menuitem", { name: "Delete contact" }).click();
      await page.waitForURL((u) => u.pathname === "/contacts");
      await page.getByText("1 in total").waitFor();
      await page.getByRole("link", { name: "Trash" }).click();
      await page.getByRole("heading", { name: "Trash", level: 1 }).waitFor();
      const trash = page.getByRole("list", { name: "Deleted contacts" });
      await trash.getByText("Grace Hopper").waitFor();
      await trash.getByText("Deleted today · purged after 30 days").waitFor();
      await axe(page, "trash");
      await screenshot("trash");
      await page.getByRole("button", { name: "Restore Grace Hopper" }).click();
      await page.getByText("Grace Hopper restored").waitFor();
      await page.getByRole("heading", { name: "Trash is empty" }).waitFor();
      await page.goto("/contacts");
      await page.getByText("2 in total").waitFor();
      await page.locator("table img[src*='/avatar?v=']").first().waitFor(); // restored with its photo
    },
  ),
];
