import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

export const PASSWORD = "ui e2e password 123";

/** A fresh account (each spec its own: the per-user API limit is 60 a minute). */
export async function signUp(page: Page, prefix = "ui"): Promise<string> {
  const email = `${prefix}-${randomUUID().slice(0, 8)}@test.local`;
  await page.goto("/signup");
  await page.fill("#email", email);
  await page.fill("#password", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForURL((u) => u.pathname === "/");
  return email;
}

/** JSON request as the signed-in user, with the CSRF double-submit header (like api-client). */
export async function api<T = { id: string }>(
  page: Page,
  method: "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  body: unknown = {},
): Promise<T> {
  const csrf = (await page.context().cookies()).find((c) => c.name === "csrf")?.value ?? "";
  const res = await page.request.fetch(path, {
    method,
    data: body,
    headers: { "x-csrf-token": decodeURIComponent(csrf) },
  });
  assert.ok(res.ok(), `${method} ${path} → ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { data: T }).data;
}

/** No serious or critical axe violations on the current page. */
export async function axe(page: Page, where: string) {
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

/** An error envelope for page.route(): what the API answers when rate limited. */
export const rateLimited = {
  status: 429,
  contentType: "application/json",
  body: JSON.stringify({ ok: false, error: "rate_limited", details: { retryAfter: 30 } }),
};

/** Scrolls to the top first, so sticky headers and the sidebar sit where a person sees them. */
export async function shot(page: Page, screenshot: (name: string) => Promise<void>, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(name);
}
