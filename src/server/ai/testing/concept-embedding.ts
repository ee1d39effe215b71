import { createHash } from "node:crypto";

// Words that mean the same thing share a concept, so a paraphrase lands near the original
// although it shares no word with it: a tiny, deterministic stand-in for a real embedding
// model, used by the tests and the local OpenAI-compatible stub server.
const groups: string[][] = [
  ["tired", "exhausted", "fatigue", "fatigued", "drained", "worn", "sleepy", "energy"],
  ["knee", "knees", "joint", "joints", "meniscus"],
  ["pain", "ache", "aches", "aching", "sore", "soreness", "hurt", "hurts", "hurting"],
  ["back", "spine", "lumbar", "lower-back"],
  ["stress", "stressed", "anxious", "anxiety", "overwhelmed", "tense", "tension", "pressure"],
  ["sleep", "insomnia", "sleepless", "rest", "restless"],
  ["pregnant", "pregnancy", "prenatal", "expecting", "baby"],
  ["cancel", "cancelled", "canceled", "cancellation", "reschedule", "postpone", "postponed", "skip"],
  ["pay", "payment", "invoice", "invoices", "bill", "billing", "paid", "price", "cost", "fee"],
  ["wedding", "marriage", "married", "bride", "honeymoon"],
  ["run", "running", "marathon", "jog", "jogging", "race"],
  ["shoulder", "shoulders", "neck", "rotator"],
  ["travel", "trip", "vacation", "holiday", "abroad", "away"],
  ["meditation", "meditate", "mindfulness", "breathing", "breathwork"],
  ["injury", "injured", "sprain", "strain", "torn", "surgery", "recovery", "rehab"],
];

const concept = new Map<string, string>();
for (const g of groups) for (const w of g) concept.set(w, g[0]!);

function bucket(key: string, dims: number): number {
  return createHash("sha256").update(key).digest().readUInt32BE(0) % dims;
}

export function conceptTokens(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z-]+/g) ?? []).filter((w) => w.length > 2);
}

/** Unit vector: concept words weigh 3, any other word 1 (so exact words still count a little). */
export function conceptEmbedding(text: string, dims = 1536): number[] {
  const v = new Array<number>(dims).fill(0);
  for (const w of conceptTokens(text)) {
    const c = concept.get(w);
    if (c) v[bucket(`c:${c}`, dims)]! += 3;
    else v[bucket(`w:${w}`, dims)]! += 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}
