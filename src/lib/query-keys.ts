/**
 * Every TanStack Query key of the app, in one place, so a mutation invalidates exactly what
 * it changed: keys are nested arrays, and invalidating a prefix (e.g. `qk.contacts.all`)
 * refetches every query under it (lists, details, timelines).
 */
export const qk = {
  dashboard: ["dashboard"] as const,
  dashboardCharts: ["dashboard", "charts"] as const,
  todayBrief: ["ai", "today"] as const,
  contacts: {
    all: ["contacts"] as const,
    list: (url: string) => ["contacts", "list", url] as const,
    trash: ["contacts", "trash"] as const,
    duplicates: ["contacts", "duplicates"] as const,
    detail: (id: string) => ["contacts", "detail", id] as const,
    timeline: (id: string) => ["contacts", "detail", id, "timeline"] as const,
    notes: (id: string) => ["contacts", "detail", id, "notes"] as const,
    activity: (id: string) => ["contacts", "detail", id, "activity"] as const,
    files: (id: string) => ["contacts", "detail", id, "files"] as const,
  },
  sync: ["sync"] as const,
  interaction: (id: string) => ["interactions", id] as const,
  insights: (contactId: string) => ["ai", "insights", contactId] as const,
  tags: ["tags"] as const,
  search: (q: string) => ["search", q] as const,
  settings: {
    profile: ["settings", "profile"] as const,
    crm: ["settings", "crm"] as const,
    ai: ["settings", "ai"] as const,
    sessions: ["settings", "sessions"] as const,
    imports: ["settings", "imports"] as const,
    syncPrefs: ["settings", "sync", "prefs"] as const,
  },
  ai: {
    usage: ["ai", "usage"] as const,
    usageHistory: ["ai", "usage", "history"] as const,
    coverage: ["ai", "embeddings", "coverage"] as const,
  },
  chat: {
    threads: ["chat", "threads"] as const,
    thread: (id: string) => ["chat", "threads", id] as const,
  },
} as const;
