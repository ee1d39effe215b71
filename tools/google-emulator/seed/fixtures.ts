// Hand-built .eml fixtures served as the first (oldest) messages of every
// seeded mailbox; manifest.json says what a correct parser must decode.
import { readFileSync } from "node:fs";

export type FixtureExpected = {
  subject: string;
  from: { name: string; email: string };
  to: string[];
  cc?: string[];
  date: string;
  textIncludes?: string[];
  htmlIncludes?: string[];
  listId?: string;
  threadOf?: string;
  attachments: Array<{ filename: string; mimeType: string; size: number }>;
};

export type Fixture = { file: string; raw: Buffer; labelIds: string[]; expected: FixtureExpected };

const DIR = new URL("../fixtures/", import.meta.url);
export const FIXTURE_ACCOUNT = "practitioner@example.com";
let cache: Fixture[] | null = null;

export function loadFixtures(): Fixture[] {
  if (cache) return cache;
  const manifest = JSON.parse(readFileSync(new URL("manifest.json", DIR), "utf8")) as {
    fixtures: Array<{ file: string; labelIds: string[]; expected: FixtureExpected }>;
  };
  cache = manifest.fixtures.map((f) => ({ ...f, raw: readFileSync(new URL(f.file, DIR)) }));
  return cache;
}

/** Fixtures are addressed to the default account; other mailboxes get their own address. */
export function fixtureRawFor(fixture: Fixture, accountEmail: string): Buffer {
  if (accountEmail === FIXTURE_ACCOUNT) return fixture.raw;
  const end = fixture.raw.indexOf("\r\n\r\n");
  const head = fixture.raw.subarray(0, end).toString("latin1").split(FIXTURE_ACCOUNT).join(accountEmail);
  return Buffer.concat([Buffer.from(head, "latin1"), fixture.raw.subarray(end)]);
}
