"use client";

import { useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure, CHART_COLORS, STAGE_COLORS, TOOLTIP_PROPS } from "@/components/charts/chart-figure";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/spinner";
import { STAGES } from "@/components/ui/stage-badge";
import { friendlyError } from "@/components/contacts/friendly-error";
import { api } from "@/lib/api-client";
import { qk } from "@/lib/query-keys";
import type { DashboardCharts as Charts } from "@/server/dashboard/get-dashboard-charts";

const monthLabel = (m: string) =>
  new Date(`${m}-15T12:00:00Z`).toLocaleDateString(undefined, {
    month: "short",
    year: "2-digit",
    timeZone: "UTC",
  });
const weekLabel = (d: string) =>
  new Date(`${d}T12:00:00Z`).toLocaleDateString(undefined, {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });

const axis = { fontSize: 11, fill: "var(--muted)" };
const yLabel = (value: string) => ({ value, angle: -90, position: "insideLeft" as const, ...axis });

function StagesChart({ data }: { data: Charts["stagesByMonth"] }) {
  // Zero becomes "no bar" so the tooltip lists only the stages present that month.
  const rows = data.map((m) => ({
    label: monthLabel(m.month),
    ...Object.fromEntries(STAGES.map((s) => [s, m.counts[s] || null])),
  }));
  const last = data.at(-1);
  const clients = last
    ? STAGES.filter((s) => s !== "Prospect").reduce((n, s) => n + (last.counts[s] ?? 0), 0)
    : 0;
  return (
    <ChartFigure
      testId="chart-stages"
      title="Clients by stage"
      summary={`Contacts by the stage they had at the end of each month; now ${clients} clients and ${last?.counts.Prospect ?? 0} prospects.`}
      table={{
        columns: ["Month", ...STAGES],
        rows: data.map((m) => [monthLabel(m.month), ...STAGES.map((s) => m.counts[s] ?? 0)]),
      }}
    >
      <BarChart responsive accessibilityLayer={false} data={rows} style={{ width: "100%", height: 240 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis dataKey="label" tick={axis} />
        <YAxis allowDecimals={false} width={48} tick={axis} label={yLabel("Contacts")} />
        {/* Stage order (Prospect … Lost), as on the badges, not alphabetical. */}
        <Tooltip
          {...TOOLTIP_PROPS}
          itemSorter={(i) => (STAGES as readonly string[]).indexOf(String(i.dataKey))}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {STAGES.map((s) => (
          <Bar key={s} dataKey={s} stackId="stage" fill={STAGE_COLORS[s]} />
        ))}
      </BarChart>
    </ChartFigure>
  );
}

function SessionsChart({ data }: { data: Charts["sessionsByWeek"] }) {
  const rows = data.map((w) => ({ label: weekLabel(w.weekStart), sessions: w.sessions }));
  const total = data.reduce((n, w) => n + w.sessions, 0);
  return (
    <ChartFigure
      testId="chart-sessions"
      title="Sessions per week"
      summary={`${total} ${total === 1 ? "session or meeting" : "sessions and meetings"} in the last 12 weeks (calendar imports and ones you logged).`}
      table={{
        columns: ["Week of", "Sessions"],
        rows: data.map((w) => [weekLabel(w.weekStart), w.sessions]),
      }}
    >
      <BarChart responsive accessibilityLayer={false} data={rows} style={{ width: "100%", height: 200 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis dataKey="label" tick={axis} minTickGap={16} />
        <YAxis allowDecimals={false} width={48} tick={axis} label={yLabel("Sessions")} />
        <Tooltip {...TOOLTIP_PROPS} />
        <Bar dataKey="sessions" name="Sessions" fill={CHART_COLORS.sage} radius={[4, 4, 0, 0]} />
      </BarChart>
    </ChartFigure>
  );
}

function NewContactsChart({ data }: { data: Charts["newContactsByMonth"] }) {
  const rows = data.map((m) => ({ label: monthLabel(m.month), contacts: m.contacts }));
  const total = data.reduce((n, m) => n + m.contacts, 0);
  return (
    <ChartFigure
      testId="chart-new-contacts"
      title="New contacts per month"
      summary={`${total} contacts added in the last 6 months.`}
      table={{ columns: ["Month", "New contacts"], rows: data.map((m) => [monthLabel(m.month), m.contacts]) }}
    >
      <BarChart responsive accessibilityLayer={false} data={rows} style={{ width: "100%", height: 200 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis dataKey="label" tick={axis} />
        <YAxis allowDecimals={false} width={48} tick={axis} label={yLabel("Contacts")} />
        <Tooltip {...TOOLTIP_PROPS} />
        <Bar dataKey="contacts" name="New contacts" fill={CHART_COLORS.clay} radius={[4, 4, 0, 0]} />
      </BarChart>
    </ChartFigure>
  );
}

/** The dashboard's pictures: stage mix over time, sessions per week, new contacts per month. */
export function DashboardCharts() {
  const query = useQuery({
    queryKey: qk.dashboardCharts,
    queryFn: () => api.get<Charts>("/api/v1/dashboard/charts"),
  });
  if (query.error)
    return (
      <ErrorState message={friendlyError(query.error, "the charts")} onRetry={() => void query.refetch()} />
    );
  if (!query.data)
    return (
      <div className="grid gap-4 lg:grid-cols-2" role="status" aria-label="Loading charts">
        <Skeleton className="h-72 lg:col-span-2" />
        <Skeleton className="h-60" />
        <Skeleton className="h-60" />
      </div>
    );
  const d = query.data;
  return (
    <section aria-label="Charts" className="grid gap-4 lg:grid-cols-2">
      <Card className="lg:col-span-2">
        <StagesChart data={d.stagesByMonth} />
      </Card>
      <Card>
        <SessionsChart data={d.sessionsByWeek} />
      </Card>
      <Card>
        <NewContactsChart data={d.newContactsByMonth} />
      </Card>
    </section>
  );
}
