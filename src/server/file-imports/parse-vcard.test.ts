import { describe, expect, it } from "vitest";
import { parseVcard } from "./parse-vcard";

describe("parseVcard", () => {
  it("reads 3.0 cards with folding, groups, pref, escapes and categories", () => {
    const text = [
      "BEGIN:VCARD",
      "VERSION:3.0",
      "N:Doe;Jane;;;",
      "FN:Jane Doe",
      "item1.EMAIL;TYPE=INTERNET:jane@home.example",
      "EMAIL;TYPE=INTERNET,pref:jane@work.example",
      "TEL;TYPE=CELL:+1 555 0100",
      "ADR;TYPE=HOME:;;1 Main St;Springfield;;12345;USA",
      "NOTE:likes early\\nsessions\\, and tea",
      " s",
      "BDAY:1990-04-02",
      "CATEGORIES:Yoga,Retreat",
      "END:VCARD",
      "BEGIN:VCARD",
      "VERSION:4.0",
      "N:Smith;Ann;;;",
      "EMAIL;PREF=1:ann@x.example",
      "BDAY:--0229",
      "END:VCARD",
    ].join("\r\n");
    const [a, b] = parseVcard(text);
    expect(a).toEqual({
      line: 1,
      displayName: "Jane Doe",
      emails: ["jane@work.example", "jane@home.example"],
      phones: ["+1 555 0100"],
      tags: ["Yoga", "Retreat"],
      address: "1 Main St, Springfield, 12345, USA",
      notes: "likes early\nsessions, and teas",
      birthday: "1990-04-02",
    });
    expect(b).toMatchObject({
      line: 14,
      displayName: "Ann Smith",
      emails: ["ann@x.example"],
      birthday: "1904-02-29",
    });
  });
});
