import "server-only";
import type { PlanOutline } from "@/features/plans/model";
import { prisma } from "@/lib/db";

export async function listPlans() {
  return prisma.plan.findMany({
    orderBy: [{ firstFy: "asc" }, { id: "asc" }],
    select: { code: true, nameJa: true, nameEn: true, firstFy: true, lastFy: true },
  });
}

/** Every plan with its rounds' years and statuses (the data-entry index). */
export async function listPlansWithRounds() {
  return prisma.plan.findMany({
    orderBy: [{ firstFy: "desc" }, { id: "desc" }],
    select: { code: true, nameJa: true, nameEn: true, firstFy: true, lastFy: true, rounds: { select: { fiscalYear: true, status: true } } },
  });
}

/** A plan with its projects, ministries (lead first) and budgets. */
export async function getPlanWithProjects(code: string) {
  return prisma.plan.findUnique({
    where: { code },
    include: {
      rounds: { where: { status: "final" }, orderBy: { fiscalYear: "desc" }, take: 1, select: { fiscalYear: true } },
      // the plan-wide KPIs (the 3rd plan's 全体目標 and アウトカム指標), sub-targets not counted
      _count: { select: { kpis: { where: { projectId: null, parentId: null } } } },
      projects: {
        orderBy: { no: "asc" },
        include: {
          ministries: { orderBy: [{ lead: "desc" }, { order: "asc" }] },
          budgets: { orderBy: [{ fiscalYear: "asc" }, { kind: "asc" }] },
          _count: { select: { kpis: { where: { parentId: null } } } },
        },
      },
    },
  });
}

/** A plan's outline (see PlanOutline): one plan, its projects and its KPIs, nothing else. Null when there is no such plan. */
export async function planOutline(code: string): Promise<PlanOutline | null> {
  const plan = await prisma.plan.findUnique({
    where: { code },
    select: {
      code: true,
      nameJa: true,
      nameEn: true,
      firstFy: true,
      lastFy: true,
      projects: { orderBy: { no: "asc" }, select: { no: true, code: true, nameJa: true, nameEn: true } },
      kpis: {
        orderBy: [{ order: "asc" }, { id: "asc" }],
        select: { code: true, nameJa: true, nameEn: true, project: { select: { no: true } }, parent: { select: { code: true } } },
      },
    },
  });
  if (!plan) return null;
  // Plan-wide KPIs first, then by project; within each, the order of the KPI list (as readPlanData).
  const kpis = plan.kpis
    .map((k) => ({ code: k.code, parentCode: k.parent?.code ?? null, projectNo: k.project?.no ?? null, nameJa: k.nameJa, nameEn: k.nameEn }))
    .sort((a, b) => (a.projectNo ?? 0) - (b.projectNo ?? 0));
  return { ...plan, kpis };
}

/** Every plan with its KPIs, for the admin page. */
export async function plansWithKpis() {
  const plans = await prisma.plan.findMany({ orderBy: [{ firstFy: "desc" }, { id: "asc" }] });
  const kpis = await prisma.kpi.findMany({
    include: { plan: { select: { code: true } }, project: { select: { no: true } } },
  });
  // Plan-wide KPIs first, then by project; within each, the order of the KPI list.
  kpis.sort((a, b) => (a.project?.no ?? 0) - (b.project?.no ?? 0) || a.order - b.order);
  return { plans, kpis };
}

/**
 * A plan's structure for the admin page: its final rounds (which lock it), its projects with
 * their ministries and KPI counts, and its KPIs in the order of their lists, each with its
 * annual targets and how many figures it has (a KPI with figures cannot be removed).
 */
export async function planStructure(code: string) {
  return prisma.plan.findUnique({
    where: { code },
    include: {
      rounds: { where: { status: "final" }, orderBy: { fiscalYear: "asc" }, select: { fiscalYear: true } },
      projects: {
        orderBy: { no: "asc" },
        include: { ministries: { orderBy: [{ lead: "desc" }, { order: "asc" }] }, _count: { select: { kpis: true } } },
      },
      kpis: {
        orderBy: [{ order: "asc" }, { id: "asc" }],
        include: {
          project: { select: { no: true } },
          parent: { select: { code: true } },
          yearTargets: { orderBy: { fiscalYear: "asc" } },
          _count: { select: { values: true, entries: true, footnotes: true } },
        },
      },
    },
  });
}
