import { describe, expect, it } from "vitest";
import { formFieldOf, quickAddSchema, toCreateInput } from "./quick-add-form";

describe("quick add form", () => {
  it("rejects what the API rejects, field by field", () => {
    const r = quickAddSchema.safeParse({ displayName: " ", email: "nope", phone: "12", stage: "Prospect" });
    expect(r.success).toBe(false);
    const fields = new Set(r.error?.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["displayName", "email", "phone"]));
  });

  it("sends one primary email/phone, or none when left blank", () => {
    const full = toCreateInput(
      quickAddSchema.parse({
        displayName: "Ada",
        email: "ada@example.com",
        phone: "+44 20 7946 0000",
        stage: "VIP Client",
      }),
    );
    expect(full.emails).toEqual([{ value: "ada@example.com", isPrimary: true }]);
    expect(full.phones?.[0]?.isPrimary).toBe(true);
    const bare = toCreateInput(quickAddSchema.parse({ displayName: "Ada", email: "", phone: "" }));
    expect(bare.emails).toEqual([]);
    expect(bare.phones).toEqual([]);
  });

  it("maps API field paths back to form fields", () => {
    expect(formFieldOf("emails.0.value")).toBe("email");
    expect(formFieldOf("phones.1.value")).toBe("phone");
    expect(formFieldOf("displayName")).toBe("displayName");
    expect(formFieldOf("birthday")).toBeNull();
  });
});
