// A logic-less merge-field renderer: `{{name}}` becomes the field's value, nothing else is
// special (no sections, partials or code). One linear pass; values are escaped for the
// Markdown the body is written in, so a client's name can never add a link or formatting.

export const MERGE_FIELDS = [
  "firstName",
  "lastName",
  "fullName",
  "email",
  "lastSessionDate",
  "bookingLink",
  "practitionerName",
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Partial<Record<MergeField, string>>;

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** Escapes Markdown syntax; line breaks become spaces so a value cannot start a new block. */
export function escapeMarkdown(v: string): string {
  let out = "";
  for (const c of v) out += c === "\n" || c === "\r" ? " " : "\\`*_[]()#<>!|~".includes(c) ? `\\${c}` : c;
  return out;
}

/** Renders `{{field}}`s; unknown or empty fields render as "" and are reported. */
export function renderTemplate(
  template: string,
  values: MergeValues,
  opts: { escape?: boolean } = {},
): { text: string; missing: string[] } {
  const esc = opts.escape ?? true;
  const missing = new Set<string>();
  let out = "";
  let i = 0;
  for (;;) {
    const open = template.indexOf("{{", i);
    if (open < 0) break;
    const close = template.indexOf("}}", open + 2);
    if (close < 0) break;
    const name = template.slice(open + 2, close).trim();
    out += template.slice(i, open);
    if (NAME.test(name)) {
      const v = (values as Record<string, string | undefined>)[name];
      if (v) out += esc ? escapeMarkdown(v) : v;
      else missing.add(name);
    } else {
      out += template.slice(open, close + 2);
    }
    i = close + 2;
  }
  out += template.slice(i);
  return { text: out, missing: [...missing] };
}
