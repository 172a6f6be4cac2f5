"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { KpiChart } from "@/features/dashboard/components/kpi-chart";

/**
 * The KPI page's chart, whose code (Recharts, most of the page's JavaScript) loads after the
 * page has rendered and hydrated, not before its table. The chart is drawn in the browser
 * only (its width is the container's), so the server renders a box of its height, which
 * keeps the page from shifting when it arrives.
 */
const Chart = dynamic(() => import("@/features/dashboard/components/kpi-chart").then((m) => m.KpiChart), {
  ssr: false,
  loading: () => <div className="chart__placeholder" style={{ height: 320 }} />,
});

export function LazyKpiChart(props: ComponentProps<typeof KpiChart>) {
  return <Chart {...props} />;
}
