/** Weekday keys of weekly hours, Monday first (luxon's weekday 1 is "mon"). */
export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof weekdays)[number];
