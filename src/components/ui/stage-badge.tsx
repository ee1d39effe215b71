import { cn } from "./cn";

export const STAGES = [
  "Prospect",
  "New Client",
  "Core Client",
  "Referring Client",
  "VIP Client",
  "At Risk Client",
  "Lost Client",
] as const;
export type Stage = (typeof STAGES)[number];

// One soft tint per stage (DESIGN.md); text colours are dark shades of the same hue so every
// pair stays above 4.5:1 in light and dark mode.
const tints: Record<Stage, string> = {
  Prospect: "bg-[#F4EBDD] text-[#6B4E1F] dark:bg-[#3A3124] dark:text-[#EBD9BC]",
  "New Client": "bg-[#E2EFF8] text-[#1F5676] dark:bg-[#1F3340] dark:text-[#BFDDF0]",
  "Core Client": "bg-[#E3EFE7] text-[#2F5A44] dark:bg-[#233A2D] dark:text-[#C4E2CF]",
  "Referring Client": "bg-[#ECE7F6] text-[#54408A] dark:bg-[#302A42] dark:text-[#D8CFF0]",
  "VIP Client": "bg-[#F8EDC6] text-[#654D00] dark:bg-[#3D3418] dark:text-[#F0DD9A]",
  "At Risk Client": "bg-[#F6E2D7] text-[#8A3F1E] dark:bg-[#43291D] dark:text-[#F1C9B4]",
  "Lost Client": "bg-[#ECECEA] text-[#4A4F4B] dark:bg-[#2E3230] dark:text-[#D0D4D1]",
};

export function StageBadge({ stage, className }: { stage: string; className?: string }) {
  const tint = tints[stage as Stage] ?? tints["Lost Client"];
  return (
    <span
      className={cn(
        "inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium",
        tint,
        className,
      )}
    >
      {stage}
    </span>
  );
}
