"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure, CHART_COLORS, TOOLTIP_PROPS } from "@/components/charts/chart-figure";
import type { AiUsageHistory } from "@/server/ai/get-ai-usage-history";

const usd = (n: number) => `$${n.toFixed(n > 0 && n < 1 ? 4 : 2)}`;
const dayLabel = (d: string) =>
  new Date(`${d}T12:00:00Z`).toLocaleDateString(undefined, {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });

/** Cost per day over the last 30 days (bars), with the numbers in a table. */
export function AiUsageChart({ history }: { history: AiUsageHistory }) {
  const data = history.days.map((d) => ({ ...d, label: dayLabel(d.date) }));
  const total = history.days.reduce((s, d) => s + d.costUsd, 0);
  const calls = history.days.reduce((s, d) => s + d.requests, 0);
  return (
    <ChartFigure
      testId="ai-usage-chart"
      title="AI cost per day"
      summary={`Last 30 days: ${calls} AI ${calls === 1 ? "call" : "calls"}, ${usd(total)} in total.`}
      table={{
        columns: ["Day", "Calls", "Cost (USD)"],
        rows: history.days
          .filter((d) => d.requests)
          .map((d) => [dayLabel(d.date), d.requests, usd(d.costUsd)]),
      }}
    >
      <BarChart
        responsive
        accessibilityLayer={false}
        data={data}
        style={{ width: "100%", height: 180 }}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="label"
          tick={{ fontSize: 11, fill: "var(--muted)" }}
          interval="preserveStartEnd"
          minTickGap={24}
        />
        <YAxis
          width={56}
          tick={{ fontSize: 11, fill: "var(--muted)" }}
          tickFormatter={(v: number) => `$${v}`}
          label={{
            value: "Cost (USD)",
            angle: -90,
            position: "insideLeft",
            fontSize: 11,
            fill: "var(--muted)",
          }}
        />
        <Tooltip formatter={(v) => [usd(Number(v)), "Cost"]} {...TOOLTIP_PROPS} />
        <Bar dataKey="costUsd" name="Cost" fill={CHART_COLORS.sage} radius={[4, 4, 0, 0]} />
      </BarChart>
    </ChartFigure>
  );
}
