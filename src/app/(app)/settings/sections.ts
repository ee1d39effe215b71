import {
  BellRing,
  Bot,
  Database,
  KeyRound,
  Mail,
  SlidersHorizontal,
  Tags,
  UserRound,
  type LucideIcon,
} from "lucide-react";
import type { ComponentType } from "react";
import { AccountSection } from "./_components/account-section";
import { AiSection } from "./_components/ai-section";
import { CrmSection } from "./_components/crm-section";
import { DataSection } from "./_components/data-section";
import { EmailSection } from "./_components/email-section";
import { FollowupsSection } from "./_components/followups-section";
import { ProfileSection } from "./_components/profile-section";
import { TagsSection } from "./_components/tags-section";

export type SettingsSection = {
  /** URL segment: /settings/<slug>. */
  slug: string;
  label: string;
  /** One line under the section title. */
  description: string;
  icon: LucideIcon;
  Component: ComponentType;
};

/**
 * Every Settings section, in menu order. Adding one is one line here (and its component):
 * it gets its own page at /settings/<slug>, a menu entry on desktop and phone, and the
 * page title. The first one is what /settings shows.
 */
export const settingsSections: SettingsSection[] = [
  {
    slug: "profile",
    label: "Profile",
    description: "Your name and time zone.",
    icon: UserRound,
    Component: ProfileSection,
  },
  {
    slug: "tags",
    label: "Tags",
    description: "Groups for your contacts: colours, names, merges.",
    icon: Tags,
    Component: TagsSection,
  },
  {
    slug: "crm",
    label: "CRM",
    description: "When a client counts as at risk, and note redaction.",
    icon: SlidersHorizontal,
    Component: CrmSection,
  },
  {
    slug: "followups",
    label: "Follow-ups",
    description: "Keep-in-touch rhythms, the morning digest and your calendar feed.",
    icon: BellRing,
    Component: FollowupsSection,
  },
  {
    slug: "email",
    label: "Email",
    description: "Signature, sending address, daily cap and templates.",
    icon: Mail,
    Component: EmailSection,
  },
  {
    slug: "ai",
    label: "AI",
    description: "The assistant's provider, privacy and what it costs.",
    icon: Bot,
    Component: AiSection,
  },
  {
    slug: "data",
    label: "Data",
    description: "Export everything; past imports.",
    icon: Database,
    Component: DataSection,
  },
  {
    slug: "account",
    label: "Account",
    description: "Password, signed-in devices, deleting your account.",
    icon: KeyRound,
    Component: AccountSection,
  },
];

export function findSection(slug: string): SettingsSection | undefined {
  return settingsSections.find((s) => s.slug === slug);
}
