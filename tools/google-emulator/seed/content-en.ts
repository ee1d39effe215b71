// English text pools for client and practitioner mail. Sentences are combined
// per message from a per-message PRNG, so bodies vary but stay plausible.
import type { Rng } from "./prng";
import type { Service } from "./personas";

export const INQUIRY_SUBJECTS: Record<Service, readonly string[]> = {
  yoga: [
    "Private yoga session next week?",
    "Question about the Thursday vinyasa class",
    "Prenatal yoga — are you taking new students?",
    "Yoga for lower back pain",
  ],
  massage: [
    "Booking a 90-minute deep tissue massage",
    "Any openings this Saturday?",
    "Sports massage after my half marathon",
    "Gift certificate for my mom",
  ],
  coaching: [
    "Interested in the 6-week coaching package",
    "Follow-up from our discovery call",
    "Can we move our coaching call?",
    "Question about your coaching rates",
  ],
};

const SERVICE_LINES: Record<Service, readonly string[]> = {
  yoga: [
    "I've been practicing on and off for a couple of years and would love some one-on-one guidance.",
    "My physio suggested gentle yoga for my lower back, and a friend recommended you.",
    "I'm 24 weeks pregnant and looking for something safe and calming.",
  ],
  massage: [
    "My shoulders have been really tight since I started a new desk job.",
    "I'm training for a half marathon and my calves are a mess.",
    "I'd like to book something for my mom's birthday — she has never had a massage before.",
  ],
  coaching: [
    "I'm trying to figure out the next step in my career and a colleague recommended you.",
    "I'd like to understand how the 6-week package works and what a typical session looks like.",
    "Our discovery call really helped — I think I'm ready to commit.",
  ],
};

const GENERIC_LINES = [
  "What's your cancellation policy?",
  "Do you accept HSA/FSA cards?",
  "Happy to come to the studio or do it over video, whichever is easier.",
  "Is there parking near the studio?",
];

const OPENERS = ["Hi {me},", "Hello {me},", "Hey {me}!", "Good morning {me},"];
const CLOSERS = ["Thanks so much,", "Best,", "Cheers,", "Warmly,", "Thank you!"];

export const FOLLOWUP_LINES = [
  "Thanks {me}! {slot} works perfectly.",
  "Sorry, something came up at work — could we push to {slot} instead?",
  "Just confirming I'm still on for {slot}.",
  "Quick follow-up: should I bring anything, or do you provide mats and towels?",
  "Thank you for yesterday, I slept better than I have in weeks.",
];

const REPLY_LINES = [
  "Thanks for reaching out! I have {slot} open — shall I pencil you in?",
  "No problem at all, I've moved you to {slot}.",
  "Looking forward to it. Please arrive 10 minutes early so we can go over your intake form.",
  "You can also book directly here: https://bookwell.example/stillwater",
  "Great question — cancellations are free up to 24 hours before the session.",
];

export const OUTREACH_SUBJECTS = [
  "Checking in after your session",
  "New Saturday restorative class",
  "Your 5-class pass is almost used up",
  "Happy birthday from Stillwater 🎂",
];

const OUTREACH_LINES = [
  "I hope you're feeling good after last week's session.",
  "I'm starting a gentle restorative class on Saturdays at 9am and thought of you.",
  "Just a heads-up that you have one class left on your pass.",
  "Wishing you a wonderful birthday — your next session is on me!",
];

export const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const TIMES = ["9am", "10:30am", "noon", "2pm", "4:15pm", "6pm"];

export function slot(rng: Rng): string {
  return `${rng.pick(DAYS)} at ${rng.pick(TIMES)}`;
}

function fill(line: string, vars: Record<string, string>): string {
  return line.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

export function inquiryText(rng: Rng, service: Service, me: string, first: string): string {
  const lines = [
    rng.pick(SERVICE_LINES[service]),
    rng.chance(0.5) ? `Do you have anything on ${slot(rng)}?` : rng.pick(GENERIC_LINES),
  ];
  if (rng.chance(0.4)) lines.push(rng.pick(GENERIC_LINES));
  const body = `${fill(rng.pick(OPENERS), { me })}\n\n${lines.join(" ")}\n\n${rng.pick(CLOSERS)}\n${first}`;
  return rng.chance(0.3) ? `${body}\n\n-- \n${first}\nSent from my phone` : body;
}

export function followupText(rng: Rng, me: string, first: string): string {
  const line = fill(rng.pick(FOLLOWUP_LINES), { me, slot: slot(rng) });
  return `${line}\n\n${first}`;
}

export function replyText(rng: Rng, first: string, myFirst: string): string {
  const a = fill(rng.pick(REPLY_LINES), { slot: slot(rng) });
  const b = rng.chance(0.5) ? ` ${fill(rng.pick(REPLY_LINES), { slot: slot(rng) })}` : "";
  return `Hi ${first},\n\n${a}${b === ` ${a}` ? "" : b}\n\nWarmly,\n${myFirst}`;
}

export function outreachText(rng: Rng, subjectIdx: number, first: string, myFirst: string): string {
  const line = OUTREACH_LINES[subjectIdx] ?? rng.pick(OUTREACH_LINES);
  return `Hi ${first},\n\n${line}\n\nTake care,\n${myFirst}`;
}

export function signature(myName: string): string {
  return `-- \n${myName}\nStillwater Wellness · yoga, massage & coaching\nhttps://stillwater-wellness.example`;
}
