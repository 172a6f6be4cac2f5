/**
 * A plan's structure: its projects and their order, its KPIs (plan-wide or a project's) and
 * their order, special targets, annual targets and each KPI's counting basis. Admins shape it
 * freely until the plan's first round is final; after that it is fixed, unless an admin
 * opens it again with a reason (Plan.structureUnlockedAt, audited).
 */
import type { KpiKind, Measure } from "./types";

/**
 * - open: no round of the plan is final yet;
 * - unlocked: a round is final, but an admin opened the structure (with a reason);
 * - locked: a round is final and the structure is closed.
 */
export type StructureState = "open" | "unlocked" | "locked";

export function structureState(plan: { finalRounds: number; structureUnlockedAt: Date | string | null }): StructureState {
  if (plan.finalRounds === 0) return "open";
  return plan.structureUnlockedAt === null ? "locked" : "unlocked";
}

/** The one rule: may the structure of this plan change now? */
export function structureOpen(plan: { finalRounds: number; structureUnlockedAt: Date | string | null }): boolean {
  return structureState(plan) !== "locked";
}

/** The groups the forms offer for a KPI (any other group is typed, as the 2nd plan's ○… headings are). */
export const KPI_GROUPS = [
  { key: "planWide", ja: "全体目標", en: "Plan-wide targets" },
  { key: "special", ja: "特設目標", en: "Special targets" },
  { key: "outcome", ja: "アウトカム指標", en: "Outcome indicators" },
] as const;
export type KpiGroupKey = (typeof KPI_GROUPS)[number]["key"];

/** The special targets' group (特設目標). */
export const SPECIAL_GROUP = KPI_GROUPS[1];

/** A list with the item at `from` moved to `to` (0-based; `to` is clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  if (from < 0 || from >= copy.length) return copy;
  const [item] = copy.splice(from, 1);
  copy.splice(Math.max(0, Math.min(to, copy.length)), 0, item);
  return copy;
}

export const KPI_KINDS = ["output", "outcome"] as const satisfies readonly KpiKind[];
export const MEASURES = ["count", "share", "qualitative"] as const satisfies readonly Measure[];
