import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { createStubServer } from "../tools/openai-stub/server";
import { startServer } from "../tests/http/server";
import { spec } from "./lib";

async function signUp(page: Page) {
  await page.goto("/signup");
  await page.fill("#email", `e2e-ai-${randomUUID().slice(0, 8)}@test.local`);
  await page.fill("#password", "assistant password 123");
  await page.click("button[type=submit]");
  await page.waitForURL((u) => u.pathname === "/");
}

/** POST with the browser session's cookies and the CSRF double-submit header (retry once like api-client). */
async function apiPost(
  page: Page,
  path: string,
  body: unknown,
): Promise<{ ok: boolean; data: { id: string } }> {
  const post = async () => {
    const csrf = (await page.context().cookies()).find((c) => c.name === "csrf")?.value ?? "";
    const r = await page.request.post(path, {
      data: body,
      headers: { "x-csrf-token": decodeURIComponent(csrf), origin: new URL(page.url()).origin },
    });
    return (await r.json()) as { ok: boolean; error?: string; data: { id: string } };
  };
  const first = await post();
  return first.ok || first.error !== "missing_csrf" ? first : post();
}

export default [
  spec("without a provider the assistant explains how to configure one", async ({ page, screenshot }) => {
    await signUp(page);
    await page.goto("/assistant");
    await page.getByText("The assistant is not set up yet").waitFor();
    await page.getByText("AI_PROVIDER").first().waitFor();
    await screenshot("not-configured");
  }),

  // Its own app server (the runner's has no provider) wired to the OpenAI-compatible stub.
  // This failed in the browser until the assistant page stopped returning scrollIntoView's
  // Promise from an effect (recent Chromium returns one; React then crashed calling it as
  // the effect's cleanup on the first streamed event).
  spec(
    "asks, sees tool activity and cited contacts, confirms a proposed note (stub provider)",
    async ({ context }) => {
      const stub = createStubServer();
      await new Promise<void>((r) => stub.listen(0, "127.0.0.1", r));
      const stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/v1`;
      const server = await startServer({
        AI_PROVIDER: "openai-compatible",
        AI_BASE_URL: stubUrl,
        AI_API_KEY: "stub",
      });
      const ctx = await context.browser()!.newContext({ baseURL: server.url });
      const page = await ctx.newPage();
      const shot = (name: string) =>
        page.screenshot({ path: `test-results/assistant-stub-${name}.png`, fullPage: true });
      try {
        await signUp(page);
        const kim = await apiPost(page, "/api/v1/contacts", {
          displayName: "Kim Ito",
          stage: "At Risk Client",
        });
        assert.ok(kim.ok, "contact created");

        await page.goto("/assistant");
        await page.getByTestId("credits-left").filter({ hasText: "200 of 200" }).waitFor();
        await page.fill("#assistant-prompt", "Who should I follow up with?");
        await page.keyboard.press("Enter");
        // The streamed answer: tool activity first, then the text with a link, then its sources.
        await page
          .getByTestId("tool-activity")
          .filter({ hasText: "Checked who needs a follow-up" })
          .waitFor();
        const answer = page.getByTestId("assistant-message").last();
        await answer.getByRole("link", { name: "Kim Ito" }).first().waitFor();
        assert.equal(
          await answer.getByRole("link", { name: "Kim Ito" }).first().getAttribute("href"),
          `/contacts/${kim.data.id}`,
        );
        assert.equal(
          await answer.getByTestId("citation").filter({ hasText: "Kim Ito" }).getAttribute("href"),
          `/contacts/${kim.data.id}`,
        );
        await page.getByTestId("credits-left").filter({ hasText: "199 of 200" }).waitFor();
        await shot("answer-with-citation");

        await page.fill("#assistant-prompt", "Add a note for Kim Ito");
        await page.keyboard.press("Enter");
        const proposal = page.getByTestId("proposal");
        await proposal.getByText("Check in with Kim Ito").waitFor();
        await shot("proposal");
        await proposal.getByRole("button", { name: "Save to contact" }).click();
        await proposal.getByText("Saved to the contact.").waitFor();
        await page.getByTestId("credits-left").filter({ hasText: "198 of 200" }).waitFor();

        // The confirmed note is on the contact.
        const notes = (await (await page.request.get(`/api/v1/contacts/${kim.data.id}/notes`)).json()) as {
          data: { items: { body: string }[] };
        };
        assert.deepEqual(
          notes.data.items.map((n) => n.body),
          ["Check in with Kim Ito about next week's session."],
        );

        // The conversation is persisted: reloading shows it in the thread list and reopens it.
        await page.reload();
        await page.getByTestId("thread-list").getByText("Who should I follow up with?").click();
        await page.getByTestId("proposal").getByText("Saved to the contact.").waitFor();
        await shot("thread-reopened");
      } catch (e) {
        await shot("FAILED").catch(() => {});
        const tail = server
          .logs()
          .slice(-40)
          .map((l) => JSON.stringify(l))
          .join("\n");
        throw new Error(`${String((e as Error)?.message ?? e)}\nserver log tail:\n${tail}`, { cause: e });
      } finally {
        await ctx.close();
        await server.stop();
        await new Promise((r) => stub.close(r));
      }
    },
  ),
];
