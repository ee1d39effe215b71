/**
 * Removes payment identifiers a practitioner might paste into a note (a client's card
 * number for a package, an IBAN for a refund) before it is stored. Only sequences that pass
 * the Luhn check (cards) or the ISO 13616 mod-97 check (IBANs) are redacted, so ordinary
 * numbers — dates, phone numbers, session counts — survive.
 */
export const CARD_MASK = "[redacted card]";
export const IBAN_MASK = "[redacted IBAN]";

// 13–19 digits, optionally grouped by single spaces or dashes.
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
// Country code, 2 check digits, 11–30 alphanumerics, optionally grouped by spaces.
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/gi;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export function ibanValid(raw: string): boolean {
  const s = raw.replace(/ /g, "").toUpperCase();
  if (s.length < 15 || s.length > 34) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

export function redactSensitive(text: string): { text: string; redactions: number } {
  let redactions = 0;
  const out = text
    .replace(IBAN, (m) => {
      // The pattern may swallow a following word ("… 32 or"): take the longest valid prefix.
      for (let end = m.length; end >= 15; end--) {
        const head = m.slice(0, end);
        if (!/[A-Z0-9]$/i.test(head)) continue;
        if (ibanValid(head)) return (redactions++, IBAN_MASK + m.slice(end));
      }
      return m;
    })
    .replace(CARD, (m) => {
      const digits = m.replace(/\D/g, "");
      return luhnValid(digits) ? (redactions++, CARD_MASK) : m;
    });
  return { text: out, redactions };
}
