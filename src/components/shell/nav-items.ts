import {
  Bot,
  CalendarDays,
  CheckSquare,
  ClipboardList,
  Inbox,
  LayoutDashboard,
  RefreshCw,
  Settings,
  Sun,
  Users,
  type LucideIcon,
} from "lucide-react";

export type NavItem = { href: string; label: string; icon: LucideIcon };

/**
 * The main navigation, in order: the sidebar on desktop, the bottom bar on phones. A new
 * page adds one line here. Phones show the first PHONE_BAR_SLOTS - 1 items and a "More"
 * menu for the rest once there are more than PHONE_BAR_SLOTS.
 */
export const navItems: NavItem[] = [
  { href: "/", label: "Today", icon: Sun },
  { href: "/tasks", label: "Tasks", icon: CheckSquare },
  { href: "/dashboard", label: "Dashboard", icon: LayoutDashboard },
  { href: "/contacts", label: "Contacts", icon: Users },
  { href: "/assistant", label: "Assistant", icon: Bot },
  { href: "/bookings", label: "Bookings", icon: CalendarDays },
  { href: "/forms", label: "Forms", icon: ClipboardList },
  { href: "/outbox", label: "Outbox", icon: Inbox },
  { href: "/settings/sync", label: "Sync", icon: RefreshCw },
  { href: "/settings", label: "Settings", icon: Settings },
];

/** How many items a phone's bottom bar holds (each at least 44 px wide on a 320 px screen). */
export const PHONE_BAR_SLOTS = 5;

/** The most specific nav item that matches the path (so /settings/sync is not "Settings"). */
export function activeHref(pathname: string): string | undefined {
  return navItems
    .map((i) => i.href)
    .filter((h) => (h === "/" ? pathname === "/" : pathname === h || pathname.startsWith(`${h}/`)))
    .sort((a, b) => b.length - a.length)[0];
}
