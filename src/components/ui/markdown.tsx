import { Fragment, type ReactNode } from "react";

// Minimal Markdown → React elements. No HTML string is ever built (React escapes all text), so
// a note containing <script> shows as text. Supports paragraphs, line breaks, # headings,
// - / 1. lists, **bold**, *italic*, `code` and [links](https://…) (http, https, mailto only).

const INLINE = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`|\[[^[\]]+\]\([^)\s]+\))/g;

function safeHref(href: string): string | null {
  return /^(https?:\/\/|mailto:)/i.test(href) ? href : null;
}

function inline(text: string, key: string): ReactNode[] {
  return text.split(INLINE).map((part, i) => {
    const k = `${key}-${i}`;
    if (part.startsWith("**") && part.endsWith("**") && part.length > 4)
      return <strong key={k}>{part.slice(2, -2)}</strong>;
    if (part.startsWith("`") && part.endsWith("`") && part.length > 2)
      return (
        <code key={k} className="rounded bg-bg px-1 text-[0.9em]">
          {part.slice(1, -1)}
        </code>
      );
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
    if (link) {
      const href = safeHref(link[2]!);
      return href ? (
        <a
          key={k}
          href={href}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="text-primary underline"
        >
          {link[1]}
        </a>
      ) : (
        <Fragment key={k}>{part}</Fragment>
      );
    }
    if (part.startsWith("*") && part.endsWith("*") && part.length > 2)
      return <em key={k}>{part.slice(1, -1)}</em>;
    return <Fragment key={k}>{part}</Fragment>;
  });
}

function withBreaks(lines: string[], key: string): ReactNode[] {
  return lines.flatMap((l, i) =>
    i ? [<br key={`${key}-br${i}`} />, ...inline(l, `${key}-${i}`)] : inline(l, `${key}-${i}`),
  );
}

export function Markdown({ source, className }: { source: string; className?: string }) {
  const blocks = source.replace(/\r\n/g, "\n").split(/\n{2,}/);
  return (
    <div className={`space-y-2 break-words ${className ?? ""}`}>
      {blocks.map((block, b) => {
        const lines = block.split("\n").filter((l) => l.trim() !== "");
        if (!lines.length) return null;
        const key = `b${b}`;
        const h = /^(#{1,3})\s+(\S.*)$/.exec(lines[0]!);
        if (h && lines.length === 1)
          return (
            <p key={key} className="font-semibold">
              {inline(h[2]!, key)}
            </p>
          );
        if (lines.every((l) => /^\s*[-*]\s+/.test(l)))
          return (
            <ul key={key} className="list-disc space-y-0.5 pl-5">
              {lines.map((l, i) => (
                <li key={i}>{inline(l.replace(/^\s*[-*]\s+/, ""), `${key}-${i}`)}</li>
              ))}
            </ul>
          );
        if (lines.every((l) => /^\s*\d+[.)]\s+/.test(l)))
          return (
            <ol key={key} className="list-decimal space-y-0.5 pl-5">
              {lines.map((l, i) => (
                <li key={i}>{inline(l.replace(/^\s*\d+[.)]\s+/, ""), `${key}-${i}`)}</li>
              ))}
            </ol>
          );
        return <p key={key}>{withBreaks(lines, key)}</p>;
      })}
    </div>
  );
}
