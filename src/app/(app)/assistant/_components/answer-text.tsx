import Link from "next/link";
import { Fragment } from "react";

const LINK = /(\[[^[\]]+\]\([^)\s]+\))/g;

/**
 * Assistant text with its citations as links. Only internal paths (/contacts/…) become
 * links; everything else stays text, and React escapes all of it.
 */
export function AnswerText({ text }: { text: string }) {
  return (
    <div className="whitespace-pre-wrap leading-relaxed">
      {text.split(LINK).map((part, i) => {
        const m = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
        if (m && /^\/(contacts|search)[/?]/.test(m[2]!))
          return (
            <Link key={i} href={m[2]!} className="text-primary underline">
              {m[1]}
            </Link>
          );
        return <Fragment key={i}>{part}</Fragment>;
      })}
    </div>
  );
}
