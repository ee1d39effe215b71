// Automated senders: booking tools, payment processors, newsletters, forums,
// social networks. Their category label follows what Gmail would infer.

export type AutoSender = {
  name: string;
  email: string;
  category: "CATEGORY_PROMOTIONS" | "CATEGORY_UPDATES" | "CATEGORY_FORUMS" | "CATEGORY_SOCIAL";
  listId?: string;
  unsubscribe?: string;
  subjects: readonly string[];
  lines: readonly string[];
};

const unsub = (host: string) => `<mailto:unsubscribe@${host}?subject=unsubscribe>, <https://${host}/u/emu>`;

export const NEWSLETTERS: readonly AutoSender[] = [
  {
    name: "Lotus Supply Co.",
    email: "deals@news.lotussupply.com",
    category: "CATEGORY_PROMOTIONS",
    listId: "Lotus Supply deals <deals.news.lotussupply.com>",
    unsubscribe: unsub("news.lotussupply.com"),
    subjects: [
      "🌿 20% off cork blocks this weekend",
      "New arrivals: organic cotton bolsters",
      "Last chance: free shipping ends tonight",
    ],
    lines: [
      "Stock up on studio essentials before the new season.",
      "Our best-selling cork blocks are back, now in sage and sand.",
      "Use code STUDIO20 at checkout — valid through Sunday.",
    ],
  },
  {
    name: "Practitioner Business Weekly",
    email: "hello@practitionerweekly.com",
    category: "CATEGORY_UPDATES",
    listId: "<weekly.practitionerweekly.com>",
    unsubscribe: unsub("practitionerweekly.com"),
    subjects: [
      "5 ways to reduce no-shows",
      "Pricing your packages in 2025",
      "What clients actually read in your newsletter",
    ],
    lines: [
      "This week: reminders that work, deposits that don't scare people off, and a template you can steal.",
      "We surveyed 1,200 independent practitioners about their pricing.",
      "Reply to this email with your questions — we read every one.",
    ],
  },
];

export const FORUM: AutoSender = {
  name: "Bodywork Practitioners",
  email: "bodywork-practitioners@groups.example.org",
  category: "CATEGORY_FORUMS",
  listId: "Bodywork Practitioners <bodywork-practitioners.groups.example.org>",
  unsubscribe: unsub("groups.example.org"),
  subjects: [
    "[bodywork] Best oil for sensitive skin?",
    "[bodywork] Insurance billing tips",
    "[bodywork] Table recommendations under $500",
  ],
  lines: [
    "Has anyone found an unscented oil that doesn't stain linens?",
    "I finally figured out superbills — happy to share my template.",
    "My old table is wobbling; looking for something sturdy and portable.",
  ],
};

export const SOCIAL: readonly AutoSender[] = [
  {
    name: "Connectly",
    email: "notifications@connectly.com",
    category: "CATEGORY_SOCIAL",
    subjects: [
      "{name} wants to connect",
      "You appeared in 14 searches this week",
      "{name} endorsed you for Massage Therapy",
    ],
    lines: ["See who's been looking at your profile.", "Grow your network to reach more clients."],
  },
  {
    name: "Snapgram",
    email: "no-reply@mail.snapgram.com",
    category: "CATEGORY_SOCIAL",
    subjects: ["{name} mentioned you in a comment", "{name} liked your post"],
    lines: ['"Best class of the week! 🙏"', "Your post is getting more engagement than usual."],
  },
];

export const BOOKING: AutoSender = {
  name: "BookWell",
  email: "noreply@bookwell.com",
  category: "CATEGORY_UPDATES",
  subjects: [
    "New booking: {name} — {service} on {date}",
    "Cancelled: {name} — {service} on {date}",
    "Rescheduled: {name} — {service} on {date}",
  ],
  lines: [],
};

export const PAYMENTS: AutoSender = {
  name: "PayFlow",
  email: "notifications@payflow.com",
  category: "CATEGORY_UPDATES",
  subjects: ["You received a payment of ${amount} from {name}", "Payout of ${amount} is on its way"],
  lines: [],
};

export const SPAM_SENDER = { name: "Prize Center", email: "winner@prize-center.biz" };
export const DAEMON = { name: "Mail Delivery Subsystem", email: "mailer-daemon@googlemail.com" };

export const SERVICE_LABEL = {
  yoga: "Private yoga",
  massage: "Massage (60 min)",
  coaching: "Coaching session",
} as const;
