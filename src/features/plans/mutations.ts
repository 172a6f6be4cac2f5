import type { z } from "zod";
import { readFigure } from "@/domain/normalize";
import { moveItem, structureOpen, structureState } from "@/domain/structure";
import type { Viewer } from "@/features/auth/ability";
import { auditWriter } from "@/features/audit/mutations";
import { ministriesLine } from "@/features/plans/model";
import { invalidatePlanPages } from "@/lib/cache";
import { prisma } from "@/lib/db";
import type { PrismaTx } from "@/lib/prisma-client";
import {
  TARGET_ERRORS,
  type KpiStructureEdit,
  type kpiEditSchema,
  type newPlanSchema,
  type newProjectSchema,
  type NewKpi,
  type ProjectEdit,
  type yearTargetSchema,
} from "@/features/plans/schema";

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
  if (result.kind === "created") await invalidatePlanPages(result.code);
  return result;
}

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
  if (result.kind === "saved") await invalidatePlanPages(planCode);
  return result;
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
  if (result.kind === "saved" && result.changed.length) await invalidatePlanPages(planCode);
  return result;
}

// ---------------------------------------------------------------------------------------
// The structure of a plan: projects and KPIs added, removed and reordered, annual targets,
// and the lock. Every write checks, in its transaction, that the structure is open
// (structureOpen in src/domain/structure.ts), and records each change in the audit log.

/** What a change to a plan's structure comes to; the route answers it (structureResponse in server.ts). */
export type StructureResult =
  | { kind: "planNotFound" }
  | { kind: "locked" }
  | { kind: "notFound"; what: "project" | "kpi" }
  | { kind: "invalid"; errors: FieldError[]; values?: Record<string, string | number> }
  | { kind: "conflict"; code: string; values?: Record<string, string | number> }
  | { kind: "saved"; changed: string[]; created?: string };

type Audit = ReturnType<typeof auditWriter>;
type StructurePlan = NonNullable<Awaited<ReturnType<typeof structurePlan>>>;

/** A plan as a write to its structure sees it: how many rounds are final, and whether its structure may change now. */
async function structurePlan(tx: PrismaTx, code: string) {
  const plan = await tx.plan.findUnique({ where: { code }, include: { _count: { select: { rounds: { where: { status: "final" } } } } } });
  if (!plan) return null;
  const finalRounds = plan._count.rounds;
  return { ...plan, finalRounds, open: structureOpen({ finalRounds, structureUnlockedAt: plan.structureUnlockedAt }) };
}

/**
 * One change to a plan's structure: in one transaction, refused while the structure is
 * locked; the plan's public pages are cleared once it has committed, if anything changed.
 */
async function changeStructure(
  planCode: string,
  viewer: NonNullable<Viewer>,
  reason: string | null,
  write: (tx: PrismaTx, plan: StructurePlan, audit: Audit) => Promise<StructureResult>,
): Promise<StructureResult> {
  const result = await prisma.$transaction(async (tx): Promise<StructureResult> => {
    const plan = await structurePlan(tx, planCode);
    if (!plan) return { kind: "planNotFound" };
    if (!plan.open) return { kind: "locked" };
    return write(tx, plan, auditWriter(tx, { userId: viewer.id, planId: plan.id, reason }));
  });
  if (result.kind === "saved" && result.changed.length) await invalidatePlanPages(planCode);
  return result;
}

/**
 * Numbers a plan's projects 1, 2, … in the order given (their ids), through negative numbers
 * so that no two share a number on the way; each project whose number changes is audited.
 */
async function renumberProjects(tx: PrismaTx, projects: { id: number; no: number }[], order: number[], audit: Audit): Promise<string[]> {
  const moved = order.map((id, i) => ({ id, from: projects.find((p) => p.id === id)!.no, to: i + 1 })).filter((m) => m.from !== m.to);
  for (const m of moved) await tx.project.update({ where: { id: m.id }, data: { no: -m.id } });
  for (const m of moved) {
    await tx.project.update({ where: { id: m.id }, data: { no: m.to } });
    await audit({ action: "project.reorder", entity: "Project", entityId: m.id, field: "no", oldValue: m.from, newValue: m.to });
  }
  return moved.map((m) => `project.${m.from}→${m.to}`);
}

/** Adds an integrated project after the plan's last one. */
export function addProject(planCode: string, input: z.infer<typeof newProjectSchema>, viewer: NonNullable<Viewer>) {
  return changeStructure(planCode, viewer, input.reason ?? null, async (tx, plan, audit) => {
    if (await tx.project.findFirst({ where: { planId: plan.id, code: input.code } }))
      return { kind: "conflict", code: "projectCodeExists", values: { code: input.code } };
    const last = await tx.project.findFirst({ where: { planId: plan.id }, orderBy: { no: "desc" } });
    const no = (last?.no ?? 0) + 1;
    const project = await tx.project.create({
      data: { planId: plan.id, no, code: input.code, nameJa: input.nameJa, nameEn: input.nameEn, source: `added by user ${viewer.id}` },
    });
    for (const field of ["no", "code", "nameJa", "nameEn"] as const) {
      await audit({ action: "project.create", entity: "Project", entityId: project.id, field, newValue: project[field] });
    }
    return { kind: "saved", changed: [`project.${no}`], created: String(no) };
  });
}

/**
 * Removes a project that has no KPIs and no texts in any round (its ministries and budgets
 * go with it); the projects after it move up, so the numbers stay consecutive.
 */
export function removeProject(planCode: string, no: number, reason: string | null, viewer: NonNullable<Viewer>) {
  return changeStructure(planCode, viewer, reason, async (tx, plan, audit) => {
    const project = await tx.project.findFirst({
      where: { planId: plan.id, no },
      include: { ministries: true, _count: { select: { kpis: true, evaluations: true, highlights: true } } },
    });
    if (!project) return { kind: "notFound", what: "project" };
    if (project._count.kpis) return { kind: "conflict", code: "projectHasKpis", values: { count: project._count.kpis } };
    if (project._count.evaluations || project._count.highlights) return { kind: "conflict", code: "projectHasTexts" };
    await tx.project.delete({ where: { id: project.id } });
    for (const field of ["no", "code", "nameJa", "nameEn"] as const) {
      await audit({ action: "project.delete", entity: "Project", entityId: project.id, field, oldValue: project[field] });
    }
    if (project.ministries.length)
      await audit({ action: "project.delete", entity: "Project", entityId: project.id, field: "ministries", oldValue: ministriesLine(project.ministries) });
    const rest = await tx.project.findMany({ where: { planId: plan.id }, orderBy: { no: "asc" } });
    const changed = await renumberProjects(
      tx,
      rest,
      rest.map((p) => p.id),
      audit,
    );
    return { kind: "saved", changed: [`project.${no}`, ...changed] };
  });
}

/** Moves a project to another place (1 = first); the numbers ①… follow the new order. */
export function moveProject(planCode: string, no: number, to: number, viewer: NonNullable<Viewer>) {
  return changeStructure(planCode, viewer, null, async (tx, plan, audit) => {
    const projects = await tx.project.findMany({ where: { planId: plan.id }, orderBy: { no: "asc" } });
    const from = projects.findIndex((p) => p.no === no);
    if (from < 0) return { kind: "notFound", what: "project" };
    const order = moveItem(
      projects.map((p) => p.id),
      from,
      to - 1,
    );
    return { kind: "saved", changed: await renumberProjects(tx, projects, order, audit) };
  });
}

/** The fields of a KPI an admin gives it, in the order the audit log lists them. */
const KPI_FIELDS = [
  "code",
  "kind",
  "measure",
  "counting",
  "unit",
  "groupJa",
  "groupEn",
  "nameJa",
  "nameEn",
  "target",
  "targetQualifier",
  "definitionJa",
  "definitionEn",
] as const;

/** Adds a KPI (a special target is one in the group 特設目標), plan-wide or a project's, after the others of its list. */
export function addKpi(planCode: string, input: NewKpi, viewer: NonNullable<Viewer>) {
  return changeStructure(planCode, viewer, input.reason ?? null, async (tx, plan, audit) => {
    if (await tx.kpi.findFirst({ where: { planId: plan.id, code: input.code } }))
      return { kind: "conflict", code: "kpiCodeExists", values: { code: input.code } };
    const project = input.project === null ? null : await tx.project.findFirst({ where: { planId: plan.id, no: input.project } });
    if (input.project !== null && !project) return { kind: "invalid", errors: [{ field: "project", code: "projectUnknown" }] };
    const projectId = project?.id ?? null;
    const last = await tx.kpi.findFirst({ where: { planId: plan.id, projectId }, orderBy: { order: "desc" } });
    const kpi = await tx.kpi.create({
      data: {
        planId: plan.id,
        projectId,
        code: input.code,
        kind: input.kind,
        measure: input.measure,
        counting: input.counting,
        unit: input.unit ?? null,
        groupJa: input.groupJa ?? null,
        groupEn: input.groupEn ?? null,
        nameJa: input.nameJa,
        nameEn: input.nameEn,
        target: input.target,
        targetQualifier: input.targetQualifier,
        definitionJa: input.definitionJa ?? null,
        definitionEn: input.definitionEn ?? null,
        order: (last?.order ?? -1) + 1,
        source: `added by user ${viewer.id}`,
      },
    });
    const created = { action: "kpi.create", entity: "Kpi", entityId: kpi.id, kpiId: kpi.id };
    if (project) await audit({ ...created, field: "project", newValue: project.no });
    for (const field of KPI_FIELDS) if (kpi[field] !== null) await audit({ ...created, field, newValue: kpi[field] });
    return { kind: "saved", changed: [`kpi.${kpi.code}`], created: kpi.code };
  });
}

/** Changes what a KPI is (kind, counting basis, unit, group, definitions); each change is audited. */
export function editKpiStructure(planCode: string, kpiCode: string, input: KpiStructureEdit, viewer: NonNullable<Viewer>) {
  return changeStructure(planCode, viewer, input.reason ?? null, async (tx, plan, audit) => {
    const kpi = await tx.kpi.findFirst({ where: { planId: plan.id, code: kpiCode } });
    if (!kpi) return { kind: "notFound", what: "kpi" };
    const fields = ["kind", "counting", "unit", "groupJa", "groupEn", "definitionJa", "definitionEn"] as const;
    const changed = fields.filter((f) => input[f] !== undefined && (input[f] ?? null) !== kpi[f]);
    if (changed.length === 0) return { kind: "saved", changed: [] };
    await tx.kpi.update({ where: { id: kpi.id }, data: Object.fromEntries(changed.map((f) => [f, input[f] ?? null])) });
    for (const f of changed)
      await audit({ action: "kpi.update", entity: "Kpi", entityId: kpi.id, kpiId: kpi.id, field: f, oldValue: kpi[f], newValue: input[f] ?? null });
    return { kind: "saved", changed };
  });
}

/**
 * Removes a KPI (with its sub-targets and annual targets) that has no figures: no yearly
 * values, no entries or footnotes in any round, for it or its sub-targets.
 */
export function removeKpi(planCode: string, kpiCode: string, reason: string | null, viewer: NonNullable<Viewer>) {
  return changeStructure(planCode, viewer, reason, async (tx, plan, audit) => {
    const kpi = await tx.kpi.findFirst({ where: { planId: plan.id, code: kpiCode }, include: { subTargets: true } });
    if (!kpi) return { kind: "notFound", what: "kpi" };
    const all = [kpi, ...kpi.subTargets];
    const ids = all.map((k) => k.id);
    const values = await tx.yearlyValue.count({ where: { kpiId: { in: ids } } });
    const entries = (await tx.roundEntry.count({ where: { kpiId: { in: ids } } })) + (await tx.footnote.count({ where: { kpiId: { in: ids } } }));
    if (values || entries) return { kind: "conflict", code: "kpiHasFigures", values: { values, entries } };
    await tx.kpi.deleteMany({ where: { id: { in: ids } } });
    for (const k of all) {
      const removed = { action: "kpi.delete", entity: "Kpi", entityId: k.id, kpiId: k.id };
      for (const field of ["code", "nameJa", "target"] as const) if (k[field] !== null) await audit({ ...removed, field, oldValue: k[field] });
    }
    return { kind: "saved", changed: all.map((k) => `kpi.${k.code}`) };
  });
}

/**
 * Moves a KPI to another place (1 = first) among the KPIs of its list (the plan-wide ones, or
 * its project's); its sub-targets move with it. Sub-targets keep their place under their KPI.
 */
export function moveKpi(planCode: string, kpiCode: string, to: number, viewer: NonNullable<Viewer>) {
  return changeStructure(planCode, viewer, null, async (tx, plan, audit) => {
    const kpi = await tx.kpi.findFirst({ where: { planId: plan.id, code: kpiCode } });
    if (!kpi) return { kind: "notFound", what: "kpi" };
    if (kpi.parentId !== null) return { kind: "conflict", code: "subTargetFixed" };
    const list = await tx.kpi.findMany({ where: { planId: plan.id, projectId: kpi.projectId }, orderBy: [{ order: "asc" }, { id: "asc" }] });
    const tops = list.filter((k) => k.parentId === null);
    const order = moveItem(
      tops,
      tops.findIndex((k) => k.id === kpi.id),
      to - 1,
    );
    const flat = order.flatMap((k) => [k, ...list.filter((s) => s.parentId === k.id)]);
    for (const [i, k] of flat.entries()) if (k.order !== i) await tx.kpi.update({ where: { id: k.id }, data: { order: i } });
    const changed: string[] = [];
    for (const [i, k] of order.entries()) {
      const from = tops.indexOf(k);
      if (from === i) continue;
      changed.push(`kpi.${k.code}`);
      await audit({ action: "kpi.reorder", entity: "Kpi", entityId: k.id, kpiId: k.id, field: "position", oldValue: from + 1, newValue: i + 1 });
    }
    return { kind: "saved", changed };
  });
}

/**
 * Sets one year's target of a KPI, with a reason (a plan rated against annual targets only).
 * An empty target puts the year back to the default (the total ÷ the plan's years) and
 * deletes its row. Audited as kpi.yearTarget, field target_<year>: old → new (null is the default).
 */
export function setYearTarget(planCode: string, kpiCode: string, input: z.infer<typeof yearTargetSchema>, viewer: NonNullable<Viewer>) {
  return changeStructure(planCode, viewer, input.reason, async (tx, plan, audit) => {
    if (plan.ratingRule !== "annual_targets") return { kind: "conflict", code: "notAnnualTargets" };
    const kpi = await tx.kpi.findFirst({ where: { planId: plan.id, code: kpiCode } });
    if (!kpi) return { kind: "notFound", what: "kpi" };
    if (kpi.target === null || kpi.measure === "qualitative") return { kind: "conflict", code: "kpiNoTarget" };
    const fy = input.fiscalYear;
    if (fy < plan.firstFy || fy > plan.lastFy)
      return { kind: "invalid", errors: [{ field: "fiscalYear", code: "yearOutside" }], values: { first: plan.firstFy, last: plan.lastFy } };
    const read = readFigure(input.target, kpi.measure === "share" ? "share" : "count");
    if (read.error) return { kind: "invalid", errors: [{ field: "target", code: TARGET_ERRORS[read.error] }] };
    const current = await tx.kpiYearTarget.findUnique({ where: { kpiId_fiscalYear: { kpiId: kpi.id, fiscalYear: fy } } });
    if ((current?.target ?? null) === read.value) return { kind: "saved", changed: [] };
    const change = {
      action: "kpi.yearTarget",
      entity: "KpiYearTarget",
      kpiId: kpi.id,
      fiscalYear: fy,
      field: `target_${fy}`,
      oldValue: current?.target ?? null,
    };
    if (read.value === null) {
      await tx.kpiYearTarget.delete({ where: { id: current!.id } });
      await audit({ ...change, entityId: current!.id, newValue: null });
    } else {
      const row = await tx.kpiYearTarget.upsert({
        where: { kpiId_fiscalYear: { kpiId: kpi.id, fiscalYear: fy } },
        update: { target: read.value, reason: input.reason, version: { increment: 1 } },
        create: { kpiId: kpi.id, fiscalYear: fy, target: read.value, reason: input.reason },
      });
      await audit({ ...change, entityId: row.id, newValue: read.value });
    }
    return { kind: "saved", changed: [`target_${fy}`] };
  });
}

/**
 * Unlocks a plan's structure (which a final round locked) with a reason, or locks it again;
 * audited as plan.structureUnlock / plan.structureLock.
 */
export async function setStructureLock(planCode: string, locked: boolean, reason: string | null, viewer: NonNullable<Viewer>): Promise<StructureResult> {
  const result = await prisma.$transaction(async (tx): Promise<StructureResult> => {
    const plan = await structurePlan(tx, planCode);
    if (!plan) return { kind: "planNotFound" };
    const state = structureState(plan);
    if (state === "open") return { kind: "conflict", code: "structureOpenUntilFinal" };
    if (state === (locked ? "locked" : "unlocked")) return { kind: "conflict", code: locked ? "structureAlreadyLocked" : "structureAlreadyUnlocked" };
    const next = locked ? null : new Date();
    await tx.plan.update({ where: { id: plan.id }, data: { structureUnlockedAt: next } });
    await auditWriter(tx, { userId: viewer.id, planId: plan.id, reason })({
      action: locked ? "plan.structureLock" : "plan.structureUnlock",
      entity: "Plan",
      entityId: plan.id,
      field: "structureUnlockedAt",
      oldValue: plan.structureUnlockedAt?.toISOString() ?? null,
      newValue: next?.toISOString() ?? null,
    });
    return { kind: "saved", changed: ["structureUnlockedAt"] };
  });
  // The lock is the admins' alone: no public page shows it, so no page is cleared.
  return result;
}
