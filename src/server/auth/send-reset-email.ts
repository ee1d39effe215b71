import { env, isProductionDeployment } from "@/lib/env";
import { AppError } from "../errors";
import { currentLog } from "../log-context";

/**
 * Delivers a password-reset link: by SMTP when SMTP_URL is set; otherwise, on local installs
 * only, the link is written to the log (they have no mail server, and the e2e suite reads
 * the link from there). Production never logs a link (start-up already demands SMTP_URL).
 */
export async function sendResetEmail(to: string, link: string): Promise<void> {
  const e = env();
  const log = currentLog();
  if (e.PASSWORD_RESET_DISABLED) throw new AppError("forbidden", "password reset is disabled");
  if (!e.SMTP_URL && isProductionDeployment(e)) {
    log.error({ to }, "SMTP_URL not set: password reset email not sent");
    return;
  }
  if (!e.SMTP_URL) {
    log.warn({ to, resetLink: link }, "SMTP_URL not set: password reset link written to the log");
    return;
  }
  const { createTransport } = await import("nodemailer");
  const transport = createTransport(e.SMTP_URL);
  await transport.sendMail({
    from: e.SMTP_FROM ?? "OmniCRM <no-reply@localhost>",
    to,
    subject: "Reset your OmniCRM password",
    text: `Someone asked to reset the password of your OmniCRM account.\n\nOpen this link within one hour to choose a new password:\n${link}\n\nIf it was not you, ignore this email: your password stays the same.`,
  });
  log.info({ to }, "password reset email sent");
}
