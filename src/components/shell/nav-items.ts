import {
  Bot,
  CheckSquare,
  Inbox,
  LayoutDashboard,
  RefreshCw,
  Settings,
  Sun,
  Users,
  type LucideIcon,
} from "lucide-react";

export type NavItem = { href: string; label: string; icon: LucideIcon };

export const navItems: NavItem[] = [
  { href: "/", label: "Today", icon: Sun },
  { href: "/tasks", label: "Tasks", icon: CheckSquare },
  { href: "/dashboard", label: "Dashboard", icon: LayoutDashboard },
  { href: "/contacts", label: "Contacts", icon: Users },
  { href: "/assistant", label: "Assistant", icon: Bot },
  { href: "/outbox", label: "Outbox", icon: Inbox },
  { href: "/settings/sync", label: "Sync", icon: RefreshCw },
  { href: "/settings", label: "Settings", icon: Settings },
];

/** The most specific nav item that matches the path (so /settings/sync is not "Settings"). */
export function activeHref(pathname: string): string | undefined {
  return navItems
    .map((i) => i.href)
    .filter((h) => (h === "/" ? pathname === "/" : pathname === h || pathname.startsWith(`${h}/`)))
    .sort((a, b) => b.length - a.length)[0];
}
