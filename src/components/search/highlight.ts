const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** `w` without leading and trailing punctuation, in one pass from each end (linear time). */
function trimPunctuation(w: string): string {
  const chars = [...w];
  let from = 0;
  let to = chars.length;
  while (from < to && !WORD_CHAR.test(chars[from]!)) from++;
  while (to > from && !WORD_CHAR.test(chars[to - 1]!)) to--;
  return chars.slice(from, to).join("");
}

/** The words of a search, lower-cased, for highlighting (at most 8, each ≥ 2 characters). */
export function highlightWords(q: string): string[] {
  return [
    ...new Set(
      q
        .slice(0, 500)
        .toLowerCase()
        .split(/\s+/)
        .map(trimPunctuation)
        .filter((w) => w.length >= 2),
    ),
  ].slice(0, 8);
}

export type Piece = { text: string; match: boolean };

/**
 * Splits `text` into plain and matching pieces, case-insensitively, where any of `words`
 * occurs (prefix matches of the search included). A scan with indexOf, no regex built from
 * user input.
 */
export function splitMatches(text: string, words: string[]): Piece[] {
  if (!words.length || !text) return [{ text, match: false }];
  const lower = text.toLowerCase();
  // Same length after lower-casing, or offsets would drift: then nothing is marked.
  if (lower.length !== text.length) return [{ text, match: false }];
  const out: Piece[] = [];
  let at = 0;
  let plainFrom = 0;
  while (at < text.length) {
    let best = -1;
    let bestLen = 0;
    for (const w of words) {
      const i = lower.indexOf(w, at);
      if (i >= 0 && (best < 0 || i < best || (i === best && w.length > bestLen))) {
        best = i;
        bestLen = w.length;
      }
    }
    if (best < 0) break;
    if (best > plainFrom) out.push({ text: text.slice(plainFrom, best), match: false });
    out.push({ text: text.slice(best, best + bestLen), match: true });
    at = best + bestLen;
    plainFrom = at;
  }
  if (plainFrom < text.length) out.push({ text: text.slice(plainFrom), match: false });
  return out;
}
