import { describe, expect, it } from "vitest";
import { useHttpServer } from "./harness";

// Without TRUST_PROXY a client cannot dodge IP limits by inventing X-Forwarded-For: the
// server keys on the socket address it stamps itself.
describe("client IP without TRUST_PROXY (HTTP)", () => {
  const h = useHttpServer({ TRUST_PROXY: "" });

  it("still locks out a brute force that rotates forged X-Forwarded-For values", async () => {
    const victim = await h.signUp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const c = h.client();
      const r = await c.post(
        "/api/v1/auth/sign-in",
        { email: victim.email, password: `wrong-password-${i}` },
        { headers: { "x-forwarded-for": `203.0.113.${i + 1}` } },
      );
      statuses.push(r.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
