// Quoted replies and signatures are noise on a timeline: the summary keeps only what
// this message added. The full body is stored separately (size-capped).
const QUOTE_HEADERS = [
  /^On .{1,200}wrote:\s*$/i,
  /^Le .{1,200}a écrit\s*:\s*$/i,
  /^Am .{1,200}schrieb .{0,100}:\s*$/i,
  /^El .{1,200}escribió:\s*$/i,
  /^-{2,}\s*Original Message\s*-{2,}/i,
  /^-{2,}\s*Forwarded message\s*-{2,}/i,
  /^From: .+$/,
  /^_{10,}$/,
];
const SIGNATURE = /^(-- ?|—|Sent from my .+|Get Outlook for .+)$/;

export function trimForSummary(text: string, maxChars = 500): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.trim();
    if (t.startsWith(">")) break;
    if (SIGNATURE.test(line.trimEnd())) break;
    // "On …, X wrote:" may wrap onto two lines.
    const joined = t + " " + (lines[i + 1]?.trim() ?? "");
    if (QUOTE_HEADERS.some((re) => re.test(t)) || (/^On /.test(t) && /wrote:\s*$/.test(joined))) break;
    kept.push(t);
  }
  const s = kept
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return s.length > maxChars ? s.slice(0, maxChars - 1).trimEnd() + "…" : s;
}
