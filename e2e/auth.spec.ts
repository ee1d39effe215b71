import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { spec } from "./lib";

const PASSWORD = "first password 123";
const NEW_PASSWORD = "second password 456";

export default [
  spec(
    "sign up, sign out, sign in, reset password via the mailed link",
    async ({ page, smtp, screenshot }) => {
      const email = `e2e-${randomUUID().slice(0, 8)}@test.local`;

      // Signed out: an app page sends us to /login.
      await page.goto("/contacts");
      await page.waitForURL(/\/login/);

      // Inline validation from the shared zod schema, before any request.
      await page.goto("/signup");
      await page.fill("#email", "not-an-email");
      await page.fill("#password", "short");
      await page.click("button[type=submit]");
      await page.getByText("Enter a valid email address").waitFor();
      await page.getByText("Use at least 10 characters").waitFor();
      await screenshot("signup-validation");

      await page.fill("#email", email);
      await page.fill("#password", PASSWORD);
      await page.click("button[type=submit]");
      await page.waitForURL((u) => u.pathname === "/");
      await page.getByTestId("user-email").filter({ hasText: email }).waitFor();
      await screenshot("signed-in");

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/login/);

      // Wrong password: a plain-words error, still on /login.
      await page.fill("#email", email);
      await page.fill("#password", "definitely wrong");
      await page.click("button[type=submit]");
      await page.getByText("Wrong email or password.").waitFor();
      await screenshot("wrong-password");

      await page.fill("#password", PASSWORD);
      await page.click("button[type=submit]");
      await page.waitForURL((u) => u.pathname === "/");
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/login/);

      // Reset: request a link, read it from the mail in the SMTP sink, set a new password.
      await page.getByText("Forgot password?").click();
      await page.waitForURL(/\/reset-password/);
      await page.fill("#email", email);
      await page.click("button[type=submit]");
      await page.getByText("a reset link is on its way").waitFor();
      let link = "";
      for (let i = 0; i < 100 && !link; i++) {
        const mail = smtp.mails.find((m) => m.to.join().includes(email));
        // Quoted-printable: undo soft line breaks and the escaped "=".
        const text = mail?.data.replace(/=\r?\n/g, "").replace(/=3D/gi, "=") ?? "";
        link = /https?:\/\/[^\s"<>]+\/reset-password\?token=[A-Za-z0-9._~%-]+/.exec(text)?.[0] ?? "";
        if (!link) await new Promise((r) => setTimeout(r, 200));
      }
      assert.match(link, /\/reset-password\?token=/);
      await page.goto(link);
      await page.fill("#password", NEW_PASSWORD);
      await page.click("button[type=submit]");
      await page.getByText("Your password was changed").waitFor();
      await screenshot("password-reset");

      await page.goto("/login");
      await page.fill("#email", email);
      await page.fill("#password", NEW_PASSWORD);
      await page.click("button[type=submit]");
      await page.waitForURL((u) => u.pathname === "/");
      await page.getByTestId("user-email").filter({ hasText: email }).waitFor();
    },
  ),
  spec("phone: the account menu shows the email and signs out", async ({ page, screenshot }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    const email = `phone-${randomUUID().slice(0, 8)}@test.local`;
    await page.goto("/signup");
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await page.click("button[type=submit]");
    await page.waitForURL((u) => u.pathname === "/");
    const account = page.getByRole("button", { name: "Account" });
    await account.waitFor();
    const box = await account.boundingBox();
    assert.ok(
      box && box.x + box.width <= 375 && box.height >= 44,
      `account button on screen: ${JSON.stringify(box)}`,
    );
    await account.click();
    const menu = page.getByRole("menu");
    await menu.getByText(email).waitFor();
    await screenshot("phone-account-menu");
    await menu.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await page.goto("/contacts");
    await page.waitForURL(/\/login/);
  }),
  spec("sign in with Google through the consent page", async ({ page, google, screenshot }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in with Google" }).click();
    await page.waitForURL((u) => u.href.startsWith(google.url));
    await page.getByRole("heading", { name: "Sign in with Google" }).waitFor();
    await page.fill("#email_other", "google.user@example.com");
    await screenshot("google-consent");
    await page.getByRole("button", { name: "Allow" }).click();
    await page.waitForURL((u) => u.pathname === "/");
    await page.getByTestId("user-email").filter({ hasText: "google.user@example.com" }).waitFor();
    await screenshot("google-signed-in");
  }),
];
