import "server-only";
import type { z } from "zod";
import type { Viewer } from "@/features/auth/ability";
import { prisma } from "@/lib/db";
import type { kpiEditSchema, newPlanSchema } from "./schema";

/** Creates a plan, optionally with the projects and the KPI structure (targets included, no figures) of another. */
export async function createPlan(input: z.infer<typeof newPlanSchema>, viewer: NonNullable<Viewer>) {
  return prisma.$transaction(async (tx) => {
    if (await tx.plan.findUnique({ where: { code: input.code } })) return { kind: "exists" as const };
    const source = input.copyFrom
      ? await tx.plan.findUnique({
          where: { code: input.copyFrom },
          include: { projects: { include: { ministries: true, kpis: { orderBy: { order: "asc" } } } } },
        })
      : null;
    if (input.copyFrom && !source) return { kind: "source-not-found" as const };
    const plan = await tx.plan.create({ data: { code: input.code, nameJa: input.nameJa, nameEn: input.nameEn, firstFy: input.firstFy, lastFy: input.lastFy } });
    for (const p of source?.projects ?? []) {
      const project = await tx.project.create({
        data: {
          planId: plan.id,
          no: p.no,
          code: p.code,
          nameJa: p.nameJa,
          nameEn: p.nameEn,
          ministries: { create: p.ministries.map((m) => ({ ministry: m.ministry, lead: m.lead, order: m.order })) },
        },
      });
      const ids = new Map<number, number>();
      // parents before their sub-targets
      for (const k of [...p.kpis].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null))) {
        const { id, projectId: _p, parentId, ...fields } = k;
        const created = await tx.kpi.create({ data: { ...fields, projectId: project.id, parentId: parentId === null ? null : ids.get(parentId)! } });
        ids.set(id, created.id);
      }
    }
    await tx.auditLog.create({
      data: { action: "plan.create", entity: "Plan", entityId: plan.id, planId: plan.id, field: "code", newValue: plan.code, reason: input.copyFrom ? `copied from ${input.copyFrom}` : null, userId: viewer.id },
    });
    return { kind: "created" as const, code: plan.code };
  });
}

/** Edits a KPI's names or target; the change and its reason go to the audit log, so targets keep their history. */
export async function editKpi(planCode: string, kpiCode: string, input: z.infer<typeof kpiEditSchema>, viewer: NonNullable<Viewer>) {
  const kpi = await prisma.kpi.findFirst({ where: { code: kpiCode, project: { plan: { code: planCode } } }, include: { project: true } });
  if (!kpi) return { kind: "not-found" as const };
  const next = {
    nameJa: input.nameJa ?? kpi.nameJa,
    nameEn: input.nameEn ?? kpi.nameEn,
    target: input.target === undefined ? kpi.target : input.target,
    targetQualifier: input.targetQualifier === undefined ? kpi.targetQualifier : input.targetQualifier || null,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((f) => String(next[f] ?? "") !== String(kpi[f] ?? ""));
  if (changed.length === 0) return { kind: "unchanged" as const };
  await prisma.$transaction([
    prisma.kpi.update({ where: { id: kpi.id }, data: next }),
    ...changed.map((f) =>
      prisma.auditLog.create({
        data: {
          action: f.startsWith("target") ? "kpi.target" : "kpi.update",
          entity: "Kpi",
          entityId: kpi.id,
          planId: kpi.project.planId,
          kpiId: kpi.id,
          field: f,
          oldValue: kpi[f] === null ? null : String(kpi[f]),
          newValue: next[f] === null ? null : String(next[f]),
          reason: input.reason,
          userId: viewer.id,
        },
      }),
    ),
  ]);
  return { kind: "saved" as const, changed };
}
