import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies defaults with an empty environment", () => {
    const e = parseEnv({});
    expect(e.PORT).toBe(3000);
    expect(e.DATA_DIR).toBe(".data");
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.GOOGLE_API_ROOT_URL).toBe("https://www.googleapis.com/");
    expect(e.FEATURE_GOOGLE_GMAIL_RO).toBe(false);
  });

  it.each(["1", "true", "YES", "on"])("reads %s as an enabled flag", (v) => {
    expect(parseEnv({ FEATURE_GOOGLE_GMAIL_RO: v }).FEATURE_GOOGLE_GMAIL_RO).toBe(true);
  });

  it("names every bad variable in one error", () => {
    try {
      parseEnv({ PORT: "abc", DATABASE_URL: "not a url", FEATURE_GOOGLE_DRIVE: "maybe" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      const msg = (e as EnvError).message;
      expect(msg).toContain("PORT");
      expect(msg).toContain("DATABASE_URL");
      expect(msg).toContain("FEATURE_GOOGLE_DRIVE");
    }
  });

  it("rejects oversized values", () => {
    expect(() => parseEnv({ GOOGLE_CLIENT_ID: "x".repeat(5000) })).toThrow(/GOOGLE_CLIENT_ID/);
  });

  it("requires secrets in production with a real database", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x" })).toThrow(
      /APP_ENCRYPTION_KEY[\s\S]*AUTH_SECRET/,
    );
    expect(parseEnv({ NODE_ENV: "production" }).NODE_ENV).toBe("production");
  });

  it("refuses production without SMTP_URL unless password reset is disabled", () => {
    const prod = {
      NODE_ENV: "production",
      DATABASE_URL: "postgres://db/x",
      APP_ENCRYPTION_KEY: "k",
      AUTH_SECRET: "s",
    };
    expect(() => parseEnv(prod)).toThrow(/SMTP_URL/);
    expect(parseEnv({ ...prod, SMTP_URL: "smtp://mail.example:25" }).SMTP_URL).toBe("smtp://mail.example:25");
    expect(parseEnv({ ...prod, PASSWORD_RESET_DISABLED: "1" }).PASSWORD_RESET_DISABLED).toBe(true);
  });
});

describe("optional variables", () => {
  it("treats an empty AI_PROVIDER as unset and rejects unknown providers", () => {
    expect(parseEnv({ AI_PROVIDER: "" }).AI_PROVIDER).toBeUndefined();
    expect(() => parseEnv({ AI_PROVIDER: "anthropic" })).toThrow(/AI_PROVIDER/);
  });
});
