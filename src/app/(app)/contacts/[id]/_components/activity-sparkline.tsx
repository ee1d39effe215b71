"use client";

import { useQuery } from "@tanstack/react-query";
import { Area, AreaChart, Tooltip } from "recharts";
import { CHART_COLORS } from "@/components/charts/chart-figure";
import { api } from "@/lib/api-client";
import { qk } from "@/lib/query-keys";
import type { ContactActivity } from "@/server/contacts/get-contact-activity";

const weekLabel = (d: string) =>
  new Date(`${d}T12:00:00Z`).toLocaleDateString(undefined, {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });

/**
 * How often you were in touch, week by week (12 weeks), as a tiny line. The sentence next to
 * it says the same in words; a failed load hides it (the timeline below has the details).
 */
export function ActivitySparkline({ contactId }: { contactId: string }) {
  const query = useQuery({
    queryKey: qk.contacts.activity(contactId),
    queryFn: () => api.get<ContactActivity>(`/api/v1/contacts/${contactId}/activity`),
  });
  if (!query.data) return null;
  const weeks = query.data.weeks;
  const total = weeks.reduce((n, w) => n + w.count, 0);
  const active = weeks.filter((w) => w.count > 0).length;
  const data = weeks.map((w) => ({ label: `Week of ${weekLabel(w.weekStart)}`, count: w.count }));
  return (
    <div className="flex items-center gap-3 text-sm text-muted" data-testid="activity-sparkline">
      <div aria-hidden="true" className="h-8 w-28 shrink-0">
        <AreaChart
          responsive
          accessibilityLayer={false}
          data={data}
          style={{ width: "100%", height: 32 }}
          margin={{ top: 2, right: 2, bottom: 2, left: 2 }}
        >
          <Tooltip
            formatter={(v) => [String(v), "Touchpoints"]}
            labelFormatter={(_, p) => String(p?.[0]?.payload?.label ?? "")}
            contentStyle={{
              background: "var(--surface)",
              border: "1px solid var(--border)",
              borderRadius: 8,
              fontSize: 12,
            }}
          />
          <Area
            type="monotone"
            dataKey="count"
            stroke={CHART_COLORS.sage}
            fill={CHART_COLORS.sage}
            fillOpacity={0.15}
            strokeWidth={2}
          />
        </AreaChart>
      </div>
      <span>
        {total
          ? `${total} ${total === 1 ? "touchpoint" : "touchpoints"} in ${active} of the last 12 weeks`
          : "No touchpoints in the last 12 weeks"}
      </span>
    </div>
  );
}
