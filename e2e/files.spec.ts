import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { spec } from "./lib";
import { testPdf } from "../src/server/files/test-files";

async function signUp(page: Page) {
  await page.goto("/signup");
  await page.fill("#email", `files-${randomUUID().slice(0, 8)}@test.local`);
  await page.fill("#password", "files e2e password");
  await page.click("button[type=submit]");
  await page.waitForURL((u) => u.pathname === "/");
}

export default [
  spec(
    "contact page: upload a PDF to Files, see it listed, refuse an SVG, delete it",
    async ({ page, screenshot }) => {
      await signUp(page);
      const csrf = (await page.context().cookies()).find((c) => c.name === "csrf")?.value ?? "";
      const res = await page.request.post("/api/v1/contacts", {
        data: { displayName: "Iris Files" },
        headers: { "x-csrf-token": decodeURIComponent(csrf) },
      });
      assert.ok(res.ok(), await res.text());
      const { id } = ((await res.json()) as { data: { id: string } }).data;
      await page.goto(`/contacts/${id}?tab=files`);
      await page.getByRole("tab", { name: "Files" }).click();
      await page.getByText("No files yet").waitFor();

      const input = page.getByTestId("client-file-input");
      await input.setInputFiles({ name: "intake.pdf", mimeType: "application/pdf", buffer: testPdf("Iris") });
      const list = page.getByTestId("contact-files");
      await list.getByText("intake.pdf", { exact: true }).waitFor();
      const link = list.getByRole("link", { name: "Download intake.pdf" });
      const dl = await page.request.get((await link.getAttribute("href"))!);
      assert.equal(dl.headers()["content-disposition"]?.startsWith("attachment;"), true);
      await screenshot("contact-files");

      // An SVG named like a PDF is refused, in words.
      await input.setInputFiles({
        name: "sneaky.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      });
      await page.getByText("Only PDFs and photos").waitFor();

      await list.getByRole("button", { name: "Delete intake.pdf" }).click();
      await list.getByRole("button", { name: "Delete", exact: true }).click();
      await page.getByText("No files yet").waitFor();
    },
  ),
];
