import { describe, expect, it } from "vitest";
import { guessMapping, rowsFromCsv } from "./map-columns";
import { parseCsv } from "./parse-csv";

describe("column mapping", () => {
  it("recognises Google Contacts CSV headers and splits ::: values", () => {
    const csv = [
      "First Name,Middle Name,Last Name,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - Formatted",
      'Ana,,Silva,1988-07-14,"likes mornings",* myContacts ::: Yoga,* Home,ana@x.org ::: ana@y.org,Mobile,+351 912 345 678,"Rua 1, Lisboa"',
    ].join("\n");
    const recs = parseCsv(csv);
    const mapping = guessMapping(recs[0]!.fields);
    expect(mapping).toMatchObject({
      "First Name": "firstName",
      "Last Name": "lastName",
      "E-mail 1 - Label": "ignore",
      "E-mail 1 - Value": "email",
      "Phone 1 - Value": "phone",
      Labels: "tags",
      "Address 1 - Formatted": "address",
      Notes: "notes",
      Birthday: "birthday",
    });
    expect(rowsFromCsv(recs, mapping)).toEqual([
      {
        line: 2,
        displayName: "Ana Silva",
        emails: ["ana@x.org", "ana@y.org"],
        phones: ["+351 912 345 678"],
        tags: ["Yoga"],
        birthday: "1988-07-14",
        notes: "likes mornings",
        address: "Rua 1, Lisboa",
      },
    ]);
  });

  it("maps simple spreadsheet headers", () => {
    expect(
      guessMapping(["Name", "Email", "Mobile", "Stage", "Tags", "Referral source", "Favourite colour"]),
    ).toEqual({
      Name: "displayName",
      Email: "email",
      Mobile: "phone",
      Stage: "stage",
      Tags: "tags",
      "Referral source": "referralSource",
      "Favourite colour": "ignore",
    });
  });

  // A 400 KB whitespace run in one cell made the old `\s*:::\s*` / `\s*[;,]\s*` splits
  // quadratic (128 s for one preview). Splitting on literals is linear (a few ms here); the
  // old code does not finish within the test's timeout.
  it("maps a cell holding a 400 KB whitespace run (linear time)", { timeout: 10_000 }, () => {
    const pad = " ".repeat(400_000);
    const csv = `Name,Email,Tags,Phone\nAna,a@x.org${pad}x,yoga${pad}x,1${pad}x\n`;
    const recs = parseCsv(csv);
    const [row] = rowsFromCsv(recs, guessMapping(recs[0]!.fields));
    expect(row!.emails).toEqual([`a@x.org${pad}x`]);
    expect(row!.tags).toEqual([`yoga${pad}x`]);
    expect(row!.phones).toEqual([`1${pad}x`]);
  });
});
