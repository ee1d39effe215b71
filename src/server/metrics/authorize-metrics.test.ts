import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { authorizeMetrics } from "./authorize-metrics";

const code = (fn: () => void) => {
  try {
    fn();
    return "allowed";
  } catch (e) {
    return (e as AppError).code;
  }
};

describe("authorizeMetrics", () => {
  it("requires the bearer token when METRICS_TOKEN is set", () => {
    const e = { METRICS_TOKEN: "s3cret-token", NODE_ENV: "production" };
    expect(code(() => authorizeMetrics("Bearer s3cret-token", e))).toBe("allowed");
    expect(code(() => authorizeMetrics("Bearer wrong", e))).toBe("unauthorized");
    expect(code(() => authorizeMetrics(null, e))).toBe("unauthorized");
    expect(code(() => authorizeMetrics("Basic s3cret-token", e))).toBe("unauthorized");
  });

  it("is open without a token outside production and hidden in production", () => {
    expect(code(() => authorizeMetrics(null, { NODE_ENV: "development" }))).toBe("allowed");
    expect(code(() => authorizeMetrics(null, { NODE_ENV: "production" }))).toBe("not_found");
  });
});
