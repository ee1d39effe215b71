// The starter set every practitioner gets (editable; seeded once, by key).
export const STARTER_TEMPLATES = [
  {
    key: "welcome",
    name: "Welcome",
    subject: "Welcome, {{firstName}}",
    body: "Hi {{firstName}},\n\nThank you for choosing to work with me. I'm looking forward to our first session.\n\nIf anything comes up before then, just reply to this email. You can book or move a session here: {{bookingLink}}\n\nWarmly,\n{{practitionerName}}",
  },
  {
    key: "session_follow_up",
    name: "Session follow-up",
    subject: "After our session",
    body: "Hi {{firstName}},\n\nThank you for our session on {{lastSessionDate}}. I hope you're feeling the benefit.\n\nA gentle reminder of what we talked about: take it slowly and notice how you feel over the next few days. Reply any time with questions.\n\n{{practitionerName}}",
  },
  {
    key: "rebook_nudge",
    name: "Rebook nudge",
    subject: "Time for your next session?",
    body: "Hi {{firstName}},\n\nIt's been a little while since our last session on {{lastSessionDate}}. Would you like to book the next one?\n\nYou can pick a time here: {{bookingLink}}\n\n{{practitionerName}}",
  },
  {
    key: "birthday",
    name: "Birthday",
    subject: "Happy birthday, {{firstName}}!",
    body: "Hi {{firstName}},\n\nWishing you a very happy birthday and a calm, joyful year ahead.\n\n{{practitionerName}}",
  },
  {
    key: "lapsed_check_in",
    name: "Lapsed-client check-in",
    subject: "Checking in",
    body: "Hi {{firstName}},\n\nI was thinking of you and wanted to check in. How have you been since we last saw each other on {{lastSessionDate}}?\n\nNo pressure at all. If you'd like to come back, you can book here: {{bookingLink}}\n\n{{practitionerName}}",
  },
] as const;

/** The template "draft a check-in for contact X" uses. */
export const CHECK_IN_TEMPLATE_KEY = "lapsed_check_in";
