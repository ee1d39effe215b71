import { cn } from "./cn";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (
    (parts[0]?.[0] ?? "?") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")
  ).toUpperCase();
}

/** Uploaded photo, or initials on a sage tint. Decorative: the name is always shown beside it. */
export function Avatar({
  name,
  src,
  size = 32,
  className,
}: {
  name: string;
  src?: string | null;
  size?: number;
  className?: string;
}) {
  const style = { width: size, height: size, fontSize: Math.max(11, Math.round(size * 0.38)) };
  if (src) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- served by our API behind the session cookie
      <img src={src} alt="" style={style} className={cn("shrink-0 rounded-full object-cover", className)} />
    );
  }
  return (
    <span
      aria-hidden
      style={style}
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded-full bg-[#E3EFE7] font-semibold text-[#2F5A44] dark:bg-[#233A2D] dark:text-[#C4E2CF]",
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}
