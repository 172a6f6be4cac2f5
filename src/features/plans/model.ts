/** A project's ministries as one line, lead first: "◎MHLW, CAO, MEXT" (the audit log's and the structure page's form). */
export function ministriesLine(list: { ministry: string; lead: boolean }[]): string {
  return [...list.filter((m) => m.lead), ...list.filter((m) => !m.lead)].map((m) => `${m.lead ? "◎" : ""}${m.ministry}`).join(", ");
}

/**
 * A plan's outline: its names and years, its projects and its KPIs by name, without a figure,
 * a round or a target (the audit page's filters and the names in its table): what stays the
 * same size however many years of figures and changes the plan has.
 */
export interface PlanOutline {
  code: string;
  nameJa: string;
  nameEn: string;
  firstFy: number;
  lastFy: number;
  /** by number */
  projects: { no: number; code: string; nameJa: string; nameEn: string }[];
  /** in display order, as PlanData's: the plan-wide KPIs first, then by project and the order of the KPI list */
  kpis: { code: string; parentCode: string | null; projectNo: number | null; nameJa: string; nameEn: string }[];
}
