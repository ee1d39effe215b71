// A practitioner's Drive: documents shared with clients (intake notes, home practice plans,
// invoices), a few files clients shared with the practitioner, and private ones shared
// with nobody. Deterministic per seed, drawn from the same personas as mail and calendar.
import { createRng, hashSeed } from "../seed/prng";
import type { Persona } from "../seed/personas";
import type { DriveFileSpec, DrivePerson } from "./store";

export type DriveSpec = { files?: number; seed?: number };

const DOC = "application/vnd.google-apps.document";
const SHEET = "application/vnd.google-apps.spreadsheet";
const PDF = "application/pdf";

const SHARED: readonly [string, string][] = [
  ["Intake notes – {first}", DOC],
  ["{first} home practice sequence", DOC],
  ["Session plan – {name}", DOC],
  ["{first} – progress tracker", SHEET],
  ["Invoice {n} – {name}", PDF],
  ["Treatment summary for {first}", DOC],
];
const FROM_CLIENT: readonly [string, string][] = [
  ["{first}'s health questionnaire", PDF],
  ["Goals for our sessions ({first})", DOC],
  ["{name} – MRI report", PDF],
];
const PRIVATE: readonly [string, string][] = [
  ["Studio schedule {n}", SHEET],
  ["Class ideas", DOC],
  ["Tax receipts {n}", PDF],
  ["Marketing plan", DOC],
];

const fill = (t: string, p: Persona | undefined, n: number) =>
  t
    .replaceAll("{first}", p?.first ?? "")
    .replaceAll("{name}", p?.name ?? "")
    .replaceAll("{n}", String(n));

export function seedDrive(o: {
  seed: number;
  count: number;
  now: number;
  personas: Persona[];
  account: DrivePerson;
}): DriveFileSpec[] {
  const rng = createRng(hashSeed(o.seed, 0xd21e));
  const clients = o.personas.filter((p) => p.role === "client");
  const people = clients.length ? clients : o.personas;
  const out: DriveFileSpec[] = [];
  for (let i = 0; i < o.count; i++) {
    const created = o.now - rng.int(1, 90) * 86_400_000 - rng.int(0, 86_399) * 1000;
    const modified = Math.min(o.now, created + rng.int(0, 10) * 86_400_000);
    const kind = people.length
      ? rng.weighted([
          ["shared", 6],
          ["fromClient", 2],
          ["private", 2],
        ] as const)
      : "private";
    const p = people.length ? rng.pick(people) : undefined;
    const n = 1000 + i;
    if (kind === "private" || !p) {
      const [t, mimeType] = rng.pick(PRIVATE);
      out.push({ name: fill(t, undefined, n), mimeType, createdTime: created, modifiedTime: modified });
    } else if (kind === "shared") {
      const [t, mimeType] = rng.pick(SHARED);
      out.push({
        name: fill(t, p, n),
        mimeType,
        createdTime: created,
        modifiedTime: modified,
        sharedWith: [
          { email: p.email, displayName: p.name, role: rng.pick(["writer", "commenter", "reader"] as const) },
        ],
      });
    } else {
      const [t, mimeType] = rng.pick(FROM_CLIENT);
      out.push({
        name: fill(t, p, n),
        mimeType,
        owner: { email: p.email, displayName: p.name },
        createdTime: created,
        modifiedTime: modified,
        sharedWith: [{ ...o.account, role: "reader" }],
      });
    }
  }
  return out;
}
