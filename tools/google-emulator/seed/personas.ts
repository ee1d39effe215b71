// A stable cast of clients and colleagues, so the same people recur across mail
// and calendar. A handful of fixed personas carry the non-UTF-8 charsets.
import { createRng, hashSeed } from "./prng";

export type Service = "yoga" | "massage" | "coaching";
export type MailClient = "gmail" | "yahoo" | "outlook" | "custom";

export type Persona = {
  name: string;
  first: string;
  email: string;
  role: "client" | "colleague";
  /** Charset this person's mail client writes in. */
  charset: string;
  lang: "en" | "fr" | "ru" | "ja" | "de" | "es";
  service: Service;
  mailClient: MailClient;
  tzOffsetMin: number;
};

type Row = [
  name: string,
  email: string,
  charset: string,
  lang: Persona["lang"],
  service: Service,
  client: MailClient,
  tz: number,
];

const row =
  (role: Persona["role"]) =>
  ([name, email, charset, lang, service, mailClient, tzOffsetMin]: Row): Persona => ({
    name,
    first: name.replace(/^Dr\. /, "").split(" ")[lang === "ja" ? 1 : 0] ?? name,
    email,
    role,
    charset,
    lang,
    service,
    mailClient,
    tzOffsetMin,
  });

// The first six always exist; each exercises a charset or script the app must decode.
export const SPECIAL_PERSONAS: readonly Persona[] = (
  [
    ["Zoë Lefèvre", "zoe.lefevre@yahoo.com", "ISO-8859-1", "fr", "massage", "yahoo", 60],
    ["Renée O’Connor", "renee.oconnor@outlook.com", "windows-1252", "en", "yoga", "outlook", -300],
    ["Дмитрий Иванов", "d.ivanov@gmail.com", "KOI8-R", "ru", "massage", "gmail", 180],
    ["山田 花子", "hanako.yamada@gmail.com", "ISO-2022-JP", "ja", "yoga", "gmail", 540],
    ["Björn Müller", "bjorn@mueller-design.de", "UTF-8", "de", "coaching", "custom", 60],
    ["José Muñoz", "jose.munoz@gmail.com", "UTF-8", "es", "massage", "gmail", -360],
  ] satisfies Row[]
).map(row("client"));

export const COLLEAGUES: readonly Persona[] = (
  [
    ["Dr. Priya Natarajan", "priya@harborphysio.com", "UTF-8", "en", "massage", "custom", -480],
    ["Marcus Webb", "marcus@webbchiropractic.com", "UTF-8", "en", "massage", "outlook", -480],
    ["Leila Haddad", "leila.haddad.doula@gmail.com", "UTF-8", "en", "coaching", "gmail", -480],
  ] satisfies Row[]
).map(row("colleague"));

const FIRST =
  "Emma Liam Olivia Noah Ava Mateo Sophia Lucas Mia Ethan Amara Kenji Chloe Arjun Grace Diego Hannah Samir Isla Owen Nadia Caleb Freya Julian Maya Theo Leah Rafael Ingrid Tomás Aisha Connor Elena Marcus Yuki Priya Sean Camille Daniel Rosa".split(
    " ",
  );
const LAST =
  "Johnson Nguyen Patel Garcia Smith Okafor Kim Rossi Brown Schmidt Silva Cohen Walker Hughes Tanaka Moreau Bennett Larsen Reyes Murphy Haddad Fischer Campbell Alvarez Novak Sato Price Lindqvist Osei Dubois".split(
    " ",
  );
const CUSTOM_DOMAINS = [
  "brightpath.co",
  "northwind-law.com",
  "kellerarchitects.com",
  "fieldnotes.studio",
  "oakandfern.org",
  "harborcpa.com",
];
const CLIENT_WEIGHTS: ReadonlyArray<readonly [MailClient, number]> = [
  ["gmail", 45],
  ["outlook", 20],
  ["yahoo", 15],
  ["custom", 20],
];
const SERVICES: readonly Service[] = ["yoga", "massage", "coaching"];

/** Deterministic client list: fixed specials first, then generated people. */
export function buildPersonas(seed: number, count: number): Persona[] {
  const rng = createRng(hashSeed(seed, 0x7e50));
  const people: Persona[] = [...SPECIAL_PERSONAS].slice(0, Math.max(0, count));
  const used = new Set(people.map((p) => p.email));
  let guard = 0;
  while (people.length < count && guard++ < count * 20) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const mailClient = rng.weighted(CLIENT_WEIGHTS);
    const local = rng
      .pick([
        `${first}.${last}`,
        `${first}${last}`,
        `${first[0]}${last}`,
        `${first}_${last}${rng.int(1, 99)}`,
      ])
      .toLowerCase()
      .normalize("NFD")
      .replace(/[^a-z0-9._]/g, "");
    const domain = mailClient === "custom" ? rng.pick(CUSTOM_DOMAINS) : `${mailClient}.com`;
    const email = `${local}@${domain}`;
    if (used.has(email)) continue;
    used.add(email);
    people.push({
      name: `${first} ${last}`,
      first,
      email,
      role: "client",
      charset: "UTF-8",
      lang: "en",
      service: rng.pick(SERVICES),
      mailClient,
      tzOffsetMin: rng.pick([-480, -420, -360, -300, 0, 60]),
    });
  }
  return people;
}
