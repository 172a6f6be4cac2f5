import type { z } from "zod";
import { readFigure, type FigureError } from "@/domain/normalize";
import type { Viewer } from "@/features/auth/ability";
import { auditWriter } from "@/features/audit/mutations";
import { invalidateDashboards } from "@/lib/cache";
import { prisma } from "@/lib/db";
import type { kpiEditSchema, newPlanSchema, ProjectEdit } from "@/features/plans/schema";

/** Creates a plan, optionally with the projects and the KPI structure (targets included, no figures) of another. */
export async function createPlan(input: z.infer<typeof newPlanSchema>, viewer: NonNullable<Viewer>) {
  const result = await prisma.$transaction(async (tx) => {
    if (await tx.plan.findUnique({ where: { code: input.code } })) return { kind: "exists" as const };
    const source = input.copyFrom
      ? await tx.plan.findUnique({
          where: { code: input.copyFrom },
          include: { projects: { include: { ministries: true } }, kpis: { orderBy: { order: "asc" } } },
        })
      : null;
    if (input.copyFrom && !source) return { kind: "source-not-found" as const };
    // A copy keeps the source's rule; a new plan starts with the 2nd plan's until an admin declares another.
    const plan = await tx.plan.create({
      data: { code: input.code, nameJa: input.nameJa, nameEn: input.nameEn, firstFy: input.firstFy, lastFy: input.lastFy, ratingRule: source?.ratingRule },
    });
    const projectIds = new Map<number, number>();
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
      projectIds.set(p.id, project.id);
    }
    // Every KPI, plan-wide or a project's, parents before their sub-targets; years' own targets are not copied (the span differs).
    const ids = new Map<number, number>();
    for (const k of [...(source?.kpis ?? [])].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null))) {
      const { id, planId: _plan, projectId, parentId, ...fields } = k;
      const created = await tx.kpi.create({
        data: {
          ...fields,
          planId: plan.id,
          projectId: projectId === null ? null : projectIds.get(projectId)!,
          parentId: parentId === null ? null : ids.get(parentId)!,
        },
      });
      ids.set(id, created.id);
    }
    await auditWriter(tx, { userId: viewer.id, planId: plan.id })({
      action: "plan.create",
      entity: "Plan",
      entityId: plan.id,
      field: "code",
      newValue: plan.code,
      reason: input.copyFrom ? `copied from ${input.copyFrom}` : null,
    });
    return { kind: "created" as const, code: plan.code };
  });
  if (result.kind === "created") invalidateDashboards();
  return result;
}

const TARGET_ERRORS: Record<FigureError, string> = {
  notANumber: "targetInvalid",
  negative: "targetInvalid",
  notInteger: "targetNotInteger",
  shareRange: "targetShareRange",
  tooLarge: "targetTooLarge",
};

/** Edits a KPI's names or target; the change and its reason go to the audit log, so targets keep their history. */
export async function editKpi(planCode: string, kpiCode: string, input: z.infer<typeof kpiEditSchema>, viewer: NonNullable<Viewer>) {
  // Read and written in one transaction: only the fields given change, and the log's old values are the ones replaced.
  const result = await prisma.$transaction(async (tx) => {
    const kpi = await tx.kpi.findFirst({ where: { code: kpiCode, plan: { code: planCode } } });
    if (!kpi) return { kind: "not-found" as const };
    // The same reading as the grid's: a count's target is a whole number, a share's at most 100 %.
    const target = input.target === undefined ? null : readFigure(input.target, kpi.measure === "share" ? "share" : "count");
    if (target?.error) return { kind: "invalid" as const, field: "target", code: TARGET_ERRORS[target.error] };
    const next = {
      nameJa: input.nameJa ?? kpi.nameJa,
      nameEn: input.nameEn ?? kpi.nameEn,
      target: target === null ? kpi.target : target.value,
      targetQualifier: input.targetQualifier === undefined ? kpi.targetQualifier : input.targetQualifier || null,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((f) => String(next[f] ?? "") !== String(kpi[f] ?? ""));
    if (changed.length === 0) return { kind: "unchanged" as const };
    await tx.kpi.update({ where: { id: kpi.id }, data: Object.fromEntries(changed.map((f) => [f, next[f]])) });
    const audit = auditWriter(tx, { userId: viewer.id, planId: kpi.planId, reason: input.reason });
    for (const f of changed) {
      await audit({
        action: f.startsWith("target") ? "kpi.target" : "kpi.update",
        entity: "Kpi",
        entityId: kpi.id,
        kpiId: kpi.id,
        field: f,
        oldValue: kpi[f],
        newValue: next[f],
      });
    }
    return { kind: "saved" as const, changed };
  });
  if (result.kind === "saved") invalidateDashboards();
  return result;
}

/** A project's ministries as one line, lead first: "◎MHLW, CAO, MEXT". */
export function ministriesLine(list: { ministry: string; lead: boolean }[]): string {
  return [...list.filter((m) => m.lead), ...list.filter((m) => !m.lead)].map((m) => `${m.lead ? "◎" : ""}${m.ministry}`).join(", ");
}

/** An invalid field found against the stored data: its path in the request and a message key of AdminProjects. */
export interface FieldError {
  field: string;
  code: string;
}

/**
 * Edits a project's names, ministries and budgets in one transaction. Every change, old →
 * new, goes to the audit log (entity Project) with the reason; budgets carry their fiscal year.
 */
export async function editProject(planCode: string, no: number, input: ProjectEdit, viewer: NonNullable<Viewer>) {
  const result = await prisma.$transaction(async (tx) => {
    const project = await tx.project.findFirst({
      where: { no, plan: { code: planCode } },
      include: { plan: true, ministries: { orderBy: [{ lead: "desc" }, { order: "asc" }] }, budgets: true },
    });
    if (!project) return { kind: "notFound" as const };
    const errors: FieldError[] = (input.budgets ?? []).flatMap((b, i) =>
      b.fiscalYear < project.plan.firstFy || b.fiscalYear > project.plan.lastFy ? [{ field: `budgets.${i}.fiscalYear`, code: "budgetYearOutside" }] : [],
    );
    if (errors.length) return { kind: "invalid" as const, errors, plan: project.plan };

    const changed: string[] = [];
    const reason = input.reason ?? null;
    const record = auditWriter(tx, { userId: viewer.id, planId: project.planId, reason });
    const audit = (field: string, oldValue: string | null, newValue: string | null, fiscalYear: number | null = null) => {
      changed.push(fiscalYear === null ? field : `${field}.${fiscalYear}`);
      return record({ action: "project.update", entity: "Project", entityId: project.id, fiscalYear, field, oldValue, newValue });
    };
    for (const f of ["nameJa", "nameEn"] as const) {
      const next = input[f];
      if (next === undefined || next === project[f]) continue;
      await tx.project.update({ where: { id: project.id }, data: { [f]: next } });
      await audit(f, project[f], next);
    }
    if (input.ministries) {
      const before = ministriesLine(project.ministries);
      const after = ministriesLine(input.ministries);
      if (before !== after) {
        await tx.projectMinistry.deleteMany({ where: { projectId: project.id } });
        await tx.projectMinistry.createMany({
          data: input.ministries.map((m, order) => ({ projectId: project.id, ministry: m.ministry, lead: m.lead, order })),
        });
        await audit("ministries", before, after);
      }
    }
    for (const b of input.budgets ?? []) {
      const current = project.budgets.find((x) => x.fiscalYear === b.fiscalYear && x.kind === b.kind);
      const field = `budget_${b.kind}`;
      if (b.okuYen === null) {
        if (!current) continue;
        await tx.projectBudget.delete({ where: { id: current.id } });
        await audit(field, String(current.okuYen), null, b.fiscalYear);
      } else if (current?.okuYen !== b.okuYen) {
        await tx.projectBudget.upsert({
          where: { projectId_fiscalYear_kind: { projectId: project.id, fiscalYear: b.fiscalYear, kind: b.kind } },
          update: { okuYen: b.okuYen, source: `edit by user ${viewer.id}` },
          create: { projectId: project.id, fiscalYear: b.fiscalYear, kind: b.kind, okuYen: b.okuYen, source: `edit by user ${viewer.id}` },
        });
        await audit(field, current ? String(current.okuYen) : null, String(b.okuYen), b.fiscalYear);
      }
    }
    return { kind: "saved" as const, changed };
  });
  if (result.kind === "saved" && result.changed.length) invalidateDashboards();
  return result;
}
