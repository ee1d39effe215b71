import { describe, expect, it } from "vitest";
import { answerSchema, needsSignature } from "./answer-schema";
import { formFieldsSchema } from "./schemas";
import { FORM_TEMPLATES } from "./templates";

const fields = formFieldsSchema.parse([
  { id: "name", type: "short_text", label: "Name", required: true },
  { id: "email", type: "email", label: "Email" },
  { id: "born", type: "date", label: "Born" },
  { id: "pressure", type: "single_choice", label: "Pressure", options: ["Light", "Firm"], required: true },
  { id: "focus", type: "multi_choice", label: "Focus", options: ["Neck", "Back"] },
  { id: "level", type: "scale", label: "Level", min: 1, max: 5 },
  { id: "health", type: "health", label: "Health" },
  { id: "h1", type: "heading", label: "Section" },
  { id: "consent", type: "consent", label: "Consent", text: "I agree." },
]);
const ok = { name: "Ada", pressure: "Firm", consent: true };

describe("answers are validated against the form's own fields", () => {
  it("accepts a complete, well-typed answer set and blank optional fields", () => {
    const r = answerSchema(fields).safeParse({
      ...ok,
      email: "ada@example.com",
      born: "1990-02-03",
      focus: ["Neck"],
      level: 4,
      health: { allergies: "nuts", notes: "" },
    });
    expect(r.success).toBe(true);
    expect(answerSchema(fields).safeParse({ ...ok, email: "", born: "" }).success).toBe(true);
  });

  it.each([
    ["a missing required field", { pressure: "Firm", consent: true }, "name"],
    ["an option that is not offered", { ...ok, pressure: "Brutal" }, "pressure"],
    ["an unknown field id", { ...ok, admin: "yes" }, ""],
    ["a bad email", { ...ok, email: "not-an-email" }, "email"],
    ["an impossible date", { ...ok, born: "1990-13-45" }, "born"],
    ["a scale value out of range", { ...ok, level: 9 }, "level"],
    ["a multi choice with a foreign option", { ...ok, focus: ["Neck", "Soul"] }, "focus"],
    ["an unticked consent", { ...ok, consent: false }, "consent"],
    ["a health block with an unknown part", { ...ok, health: { secrets: "x" } }, "health"],
    ["a value of the wrong type", { ...ok, name: 42 }, "name"],
    ["a heading answered as if it were a question", { ...ok, h1: "x" }, ""],
  ])("rejects %s", (_label, answers, path) => {
    const r = answerSchema(fields).safeParse(answers);
    expect(r.success).toBe(false);
    if (path) expect(r.error!.issues.some((i) => i.path[0] === path)).toBe(true);
  });

  it("every starter template is a valid form that asks for a signature", () => {
    for (const t of Object.values(FORM_TEMPLATES)) {
      const f = formFieldsSchema.parse(t.fields);
      expect(needsSignature(f)).toBe(true);
    }
  });

  it("refuses field lists with duplicate ids or unsafe ids", () => {
    const dup = formFieldsSchema.safeParse([
      { id: "a", type: "short_text", label: "A" },
      { id: "a", type: "long_text", label: "B" },
    ]);
    expect(dup.success).toBe(false);
    expect(formFieldsSchema.safeParse([{ id: "__proto__", type: "short_text", label: "A" }]).success).toBe(
      false,
    );
  });
});
