import "server-only";
import { prisma } from "@/lib/db";

/** The audit trail of a plan, newest first, filtered by KPI, fiscal year or field. */
export async function auditTrail(planCode: string, filter: { kpi?: string; fy?: number; field?: string }, take = 200) {
  const plan = await prisma.plan.findUnique({ where: { code: planCode } });
  if (!plan) return null;
  const kpi = filter.kpi ? await prisma.kpi.findFirst({ where: { code: filter.kpi, project: { planId: plan.id } } }) : null;
  if (filter.kpi && !kpi) return [];
  const rows = await prisma.auditLog.findMany({
    where: { planId: plan.id, kpiId: kpi?.id, fiscalYear: filter.fy, field: filter.field },
    orderBy: { id: "desc" },
    take,
    include: { user: { select: { name: true, email: true } } },
  });
  const codes = new Map(
    (await prisma.kpi.findMany({ where: { id: { in: rows.map((r) => r.kpiId).filter((x): x is number => x !== null) } } })).map((k) => [k.id, k.code]),
  );
  // Changes to a project, or to its evaluation in a round, name the project.
  const idsOf = (entity: string) => rows.filter((r) => r.entity === entity && r.entityId !== null).map((r) => r.entityId!);
  const projectNo = new Map<string, number>([
    ...(await prisma.project.findMany({ where: { id: { in: idsOf("Project") } } })).map((p) => [`Project ${p.id}`, p.no] as const),
    ...(await prisma.projectEvaluation.findMany({ where: { id: { in: idsOf("ProjectEvaluation") } }, include: { project: { select: { no: true } } } })).map(
      (e) => [`ProjectEvaluation ${e.id}`, e.project.no] as const,
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    user: r.user?.name ?? null,
    action: r.action,
    kpi: r.kpiId ? (codes.get(r.kpiId) ?? null) : null,
    project: projectNo.get(`${r.entity} ${r.entityId}`) ?? null,
    fiscalYear: r.fiscalYear,
    field: r.field,
    oldValue: r.oldValue,
    newValue: r.newValue,
    reason: r.reason,
  }));
}

export type AuditEntry = NonNullable<Awaited<ReturnType<typeof auditTrail>>>[number];

/** Each KPI's current versions for a year (0: nothing stored): what an import preview of a file without versions is based on. */
export async function currentVersions(planCode: string, fy: number): Promise<Map<string, { valueVersion: number; entryVersion: number }>> {
  const kpis = await prisma.kpi.findMany({
    where: { project: { plan: { code: planCode } } },
    select: {
      code: true,
      values: { where: { fiscalYear: fy }, select: { version: true } },
      entries: { where: { round: { fiscalYear: fy } }, select: { version: true } },
    },
  });
  return new Map(kpis.map((k) => [k.code, { valueVersion: k.values[0]?.version ?? 0, entryVersion: k.entries[0]?.version ?? 0 }]));
}
