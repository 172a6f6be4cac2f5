"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { ChartPoint } from "@/features/dashboard/model";

export interface KpiChartLabels {
  single: string;
  cumulative: string;
  sumOnly: string;
  target: string;
  path: string;
}

interface Props {
  points: (ChartPoint & { label: string })[];
  labels: KpiChartLabels;
  decimals: number;
  locale: string;
  /** fixed size (print, slides); otherwise the chart fills its container's width */
  width?: number;
  height?: number;
}

const COLORS = {
  bar: "#9db7f9", // blue-300
  cumulative: "#0017c1", // blue-900
  target: "#ce0000", // red-800
  path: "#4d4d4d", // gray-700
};

/**
 * Single-year values as bars, the cumulative as a line (dashed across years known only
 * as a sum), the target and the pro-rata path as lines. Lines differ by dash pattern as
 * well as colour. The same figures are in the table that goes with the chart.
 */
export function KpiChart({ points, labels, decimals, locale, width, height = 320 }: Props) {
  const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: decimals });
  const hasPath = points.some((p) => p.path !== null);
  const hasTarget = points.some((p) => p.target !== null);
  const hasBridge = points.some((p) => p.bridge !== null);
  const chart = (
    <ComposedChart data={points} width={width} height={height} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
      <CartesianGrid stroke="#e6e6e6" vertical={false} />
      <XAxis dataKey="label" tick={{ fill: "#333", fontSize: 13 }} />
      {/* round steps (1, 2, 2.5, 5 × 10ⁿ); whole numbers for figures without decimals */}
      <YAxis
        tick={{ fill: "#333", fontSize: 13 }}
        tickFormatter={(v: number) => fmt.format(v)}
        width={56}
        niceTicks="snap125"
        tickCount={6}
        allowDecimals={decimals > 0}
      />
      {/* the key's marks keep their series' colours; its words are dark enough to read (the bars' light blue is 2:1) */}
      <Legend wrapperStyle={{ fontSize: 13 }} formatter={(value) => <span style={{ color: "#333" }}>{value}</span>} />
      <Bar dataKey="single" name={labels.single} fill={COLORS.bar} isAnimationActive={false} />
      <Line
        dataKey="cumulative"
        name={labels.cumulative}
        stroke={COLORS.cumulative}
        strokeWidth={3}
        dot={{ r: 4 }}
        isAnimationActive={false}
        connectNulls={false}
      />
      {hasBridge && (
        <Line
          dataKey="bridge"
          name={labels.sumOnly}
          stroke={COLORS.cumulative}
          strokeWidth={3}
          strokeDasharray="2 6"
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
      )}
      {hasTarget && (
        <Line dataKey="target" name={labels.target} stroke={COLORS.target} strokeWidth={2} strokeDasharray="10 4" dot={false} isAnimationActive={false} />
      )}
      {hasPath && <Line dataKey="path" name={labels.path} stroke={COLORS.path} strokeWidth={2} strokeDasharray="4 4" dot={false} isAnimationActive={false} />}
    </ComposedChart>
  );
  if (width) return chart;
  return (
    <ResponsiveContainer width="100%" height={height}>
      {chart}
    </ResponsiveContainer>
  );
}
