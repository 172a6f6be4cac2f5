// The one reader of the audit log: a plan's trail (the audit page and API) and the users' changes.
import { prisma } from "@/lib/db";

/** The audit trail of a plan, newest first, filtered by KPI, fiscal year, field or action. */
export async function auditTrail(planCode: string, filter: { kpi?: string; fy?: number; field?: string; action?: string }, take = 200) {
  const plan = await prisma.plan.findUnique({ where: { code: planCode } });
  if (!plan) return null;
  const kpi = filter.kpi ? await prisma.kpi.findFirst({ where: { code: filter.kpi, planId: plan.id } }) : null;
  if (filter.kpi && !kpi) return [];
  const rows = await prisma.auditLog.findMany({
    where: { planId: plan.id, kpiId: kpi?.id, fiscalYear: filter.fy, field: filter.field, action: filter.action },
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

/** The latest changes to users (who, when, what), newest first. */
export async function userAuditTrail(take = 30) {
  const rows = await prisma.auditLog.findMany({ where: { entity: "User" }, orderBy: { id: "desc" }, take, include: { user: { select: { name: true } } } });
  const subjects = new Map(
    (
      await prisma.user.findMany({
        where: { id: { in: rows.map((r) => r.entityId).filter((id): id is number => id !== null) } },
        select: { id: true, email: true },
      })
    ).map((u) => [u.id, u.email]),
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    by: r.user?.name ?? null,
    email: r.entityId === null ? null : (subjects.get(r.entityId) ?? null),
    action: r.action,
    field: r.field,
    oldValue: r.oldValue,
    newValue: r.newValue,
  }));
}
