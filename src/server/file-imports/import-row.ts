/** One person to import, whatever the source format; `line` points into the uploaded file. */
export type ImportRow = {
  line: number;
  displayName: string;
  emails: string[];
  phones: string[];
  stage?: string;
  tags: string[];
  birthday?: string;
  address?: string;
  referralSource?: string;
  communicationPreference?: string;
  preferredSessionTimes?: string;
  notes?: string;
};

export function emptyRow(line: number): ImportRow {
  return { line, displayName: "", emails: [], phones: [], tags: [] };
}

/** Birthdays arrive as 1990-04-02, 19900402, 04/02/1990 (US), --0402 (no year); ISO or undefined. */
export function normalizeBirthday(raw: string): string | undefined {
  const v = raw.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(v);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (m) return `${m[3]}-${m[1]!.padStart(2, "0")}-${m[2]!.padStart(2, "0")}`;
  // Year-less birthdays are stored in 1904 (a leap year, so --0229 survives).
  m = /^--(\d{2})-?(\d{2})$/.exec(v) ?? /^ --(\d{2})-(\d{2})$/.exec(v);
  if (m) return `1904-${m[1]}-${m[2]}`;
  return v ? v : undefined;
}
