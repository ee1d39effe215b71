// Node 20's TextDecoder reads "windows-1252" (which postal-mime also uses for iso-8859-1
// and unknown charsets, as WHATWG says) as plain latin1: smart quotes, dashes and € come out
// as C1 control characters, which never occur in real text. Map them back.
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";
const C1 = /[\x80-\x9f]/g;
export const fixCp1252 = (s: string): string => s.replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
