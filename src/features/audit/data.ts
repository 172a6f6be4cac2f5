// The one reader of the audit log: a plan's trail (the audit page and API) and the users' changes.
import { prisma } from "@/lib/db";

/** What the trail can be filtered by: a KPI (its code), a fiscal year, an item, an action; `before` an id (the entries older than it). */
export interface AuditTrailFilter {
  kpi?: string;
  fy?: number;
  field?: string;
  action?: string;
  before?: number;
}

/** How many entries a page of the audit page shows. */
export const AUDIT_PAGE_SIZE = 100;

/**
 * The audit trail of a plan, newest first (by id), filtered by KPI, fiscal year, item or
 * action, from before an id: at most `take` entries. Null when there is no such plan.
 *
 * Each filter reads one index in id order and stops after `take` rows, however long the log
 * (prisma/migrations/20261208000000_audit_indexes): the plan's (planId, id), or
 * (planId, fiscalYear, id), (planId, field, id), (planId, fiscalYear, field, id),
 * (planId, action, id); a KPI's rows through (kpiId, id), without the plan's id, which the
 * KPI implies (a KPI belongs to one plan, and ids are never reused), so that no other index
 * competes with the KPI's own, the narrowest, whatever else is filtered.
 */
export async function auditTrail(planCode: string, filter: AuditTrailFilter, take = 200) {
  const plan = await prisma.plan.findUnique({ where: { code: planCode }, select: { id: true } });
  if (!plan) return null;
  const kpi = filter.kpi ? await prisma.kpi.findUnique({ where: { planId_code: { planId: plan.id, code: filter.kpi } }, select: { id: true } }) : null;
  if (filter.kpi && !kpi) return [];
  const rows = await prisma.auditLog.findMany({
    where: {
      ...(kpi ? { kpiId: kpi.id } : { planId: plan.id }),
      fiscalYear: filter.fy,
      field: filter.field,
      action: filter.action,
      id: filter.before === undefined ? undefined : { lt: filter.before },
    },
    orderBy: { id: "desc" },
    take,
    include: { user: { select: { name: true } } },
  });
  // What the rows name, looked up for these rows only (at most `take` of each).
  const codes = new Map(
    (
      await prisma.kpi.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.kpiId).filter((x): x is number => x !== null))] } },
        select: { id: true, code: true },
      })
    ).map((k) => [k.id, k.code]),
  );
  // Changes to a project, or to its evaluation in a round, name the project.
  const idsOf = (entity: string) => [...new Set(rows.filter((r) => r.entity === entity && r.entityId !== null).map((r) => r.entityId!))];
  const projectNo = new Map<string, number>([
    ...(await prisma.project.findMany({ where: { id: { in: idsOf("Project") } }, select: { id: true, no: true } })).map(
      (p) => [`Project ${p.id}`, p.no] as const,
    ),
    ...(
      await prisma.projectEvaluation.findMany({ where: { id: { in: idsOf("ProjectEvaluation") } }, select: { id: true, project: { select: { no: true } } } })
    ).map((e) => [`ProjectEvaluation ${e.id}`, e.project.no] as const),
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

/**
 * One page of the trail (keyset pagination): `size` entries from before `filter.before`, and
 * `older`, the cursor of the next page (?before=), or null when these are the oldest. Null
 * when there is no such plan.
 */
export async function auditPage(planCode: string, filter: AuditTrailFilter, size = AUDIT_PAGE_SIZE) {
  const rows = await auditTrail(planCode, filter, size + 1);
  if (!rows) return null;
  const entries = rows.slice(0, size);
  return { entries, older: rows.length > size ? entries[size - 1].id : null };
}

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
