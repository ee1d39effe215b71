/**
 * Splits long text into overlapping chunks on paragraph/sentence boundaries, so one long
 * email still matches on each of its parts and no chunk exceeds the model's input.
 */
export function chunkText(text: string, maxChars = 1500, overlap = 200): string[] {
  const clean = text
    .replace(/\r\n/g, "\n")
    .replace(/[ \t]+/g, " ")
    .trim();
  if (!clean) return [];
  if (clean.length <= maxChars) return [clean];
  const pieces = clean.split(/(?<=[.!?])\s+|\n{2,}/).flatMap((p) => hardSplit(p, maxChars));
  const chunks: string[] = [];
  let cur = "";
  for (const p of pieces) {
    if (cur && cur.length + p.length + 1 > maxChars) {
      chunks.push(cur);
      cur = cur.slice(Math.max(0, cur.length - overlap));
    }
    cur = cur ? `${cur} ${p}` : p;
  }
  if (cur) chunks.push(cur);
  return chunks;
}

function hardSplit(s: string, max: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += max) out.push(s.slice(i, i + max));
  return out;
}
