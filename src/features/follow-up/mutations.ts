import { inSpan } from "@/domain/fiscal-year";
import { circledNumber } from "@/domain/format";
import type { Viewer } from "@/features/auth/ability";
import { readPlanData } from "@/features/follow-up/data";
import { checkGrid, ENTRY_TEXT, planUpTo, VALUE_FIELDS, type SaveError } from "@/features/follow-up/model";
import { auditMany, auditText, auditWriter, type AuditChange } from "@/features/audit/mutations";
import { invalidatePlanPages } from "@/lib/cache";
import { prisma } from "@/lib/db";
import { updateRows, type Db, type RowColumns } from "@/lib/prisma-client";
import type { GridSave } from "@/features/follow-up/schema";
import type { RatingRule } from "@/domain/types";

export type { SaveError };
export type Conflict = { kpi?: string; project?: number; field: string; theirs: string | null; yours: string | null; by: string | null; at: string | null };

export type Change = { kpi: string | null; project: number | null; field: string; oldValue: string | null; newValue: string | null };

export type SaveResult =
  | { kind: "saved"; changes: number; log: Change[] }
  | { kind: "preview"; changes: number; log: Change[] }
  | { kind: "plan-not-found" }
  | { kind: "fy-outside-plan"; firstFy: number; lastFy: number }
  | { kind: "round-final" }
  | { kind: "year-frozen"; byRound: number }
  | { kind: "invalid"; errors: SaveError[] }
  | { kind: "conflict"; conflicts: Conflict[] };

/** Thrown when the round turns out final, or its year frozen, inside the transaction. */
class Refusal extends Error {
  constructor(readonly result: Extract<SaveResult, { kind: "round-final" | "year-frozen" }>) {
    super(result.kind);
  }
}

/**
 * Why a round's year cannot be saved: the round is final, or a later final round froze the
 * year's figures: a save that touches them is refused, and so is any save that would open a
 * round for the year (a year with no follow-up of its own, its figures summed in the later one).
 */
async function frozen(
  db: Db,
  planId: number,
  fy: number,
  touchesValues: boolean,
): Promise<Extract<SaveResult, { kind: "round-final" | "year-frozen" }> | null> {
  const round = await db.followUpRound.findUnique({ where: { planId_fiscalYear: { planId, fiscalYear: fy } }, select: { status: true } });
  if (round?.status === "final") return { kind: "round-final" };
  const covering = await db.followUpRound.findFirst({ where: { planId, status: "final", fiscalYear: { gte: fy } }, orderBy: { fiscalYear: "asc" } });
  return covering && (touchesValues || !round) ? { kind: "year-frozen", byRound: covering.fiscalYear } : null;
}

class ConflictError extends Error {
  constructor(readonly conflicts: Conflict[]) {
    super("conflict");
  }
}

/** Thrown at the end of a dry run, so that the transaction rolls back what it did. */
class DryRun extends Error {
  constructor(readonly changes: number) {
    super("dry run");
  }
}

export interface SaveOptions {
  /** do everything, report the changes, and roll back */
  dryRun?: boolean;
}

const str = auditText;

/** The columns a grid's save sets (updateRows), and their types. */
const VALUE_COLUMNS: RowColumns = { value: "number", numerator: "number", denominator: "number", text: "text", source: "text" };
const ENTRY_COLUMNS: RowColumns = { ratingFinal: "text", overrideReason: "text", ...Object.fromEntries(ENTRY_TEXT.map((f) => [f, "text"])) };

/**
 * Saves a round's grid: all of it or nothing. Inputs are read as typed and checked per
 * field; a row whose stored version moved on since the editor loaded it is a conflict,
 * reported with the other person's value; every change is written to the audit log.
 */
export async function saveRound(planCode: string, fy: number, input: GridSave, viewer: NonNullable<Viewer>, options: SaveOptions = {}): Promise<SaveResult> {
  const plan = await prisma.plan.findUnique({ where: { code: planCode } });
  if (!plan) return { kind: "plan-not-found" };
  if (!inSpan(plan, fy)) return { kind: "fy-outside-plan", firstFy: plan.firstFy, lastFy: plan.lastFy };
  const touchesValues = input.rows.some((r) => VALUE_FIELDS.some((f) => r[f] !== undefined));
  const early = await frozen(prisma, plan.id, fy, touchesValues);
  if (early) return early;

  // Every KPI of the plan, a project's or plan-wide (projectId null): the rows of both are saved
  // alike. Their figures and annual targets only where a row decides a rating, which checkGrid
  // compares with the automatic one: a grid of hundreds of rows need not read every year of each.
  const rated = { kpi: { code: { in: input.rows.filter((r) => r.rating).map((r) => r.kpi) } } };
  const kpis = (
    await prisma.kpi.findMany({
      where: { planId: plan.id },
      include: { values: { where: rated }, parent: { select: { code: true } }, yearTargets: { where: rated } },
    })
  ).map((k) => ({
    ...k,
    parentCode: k.parent?.code ?? null,
    yearTargets: Object.fromEntries(k.yearTargets.map((t) => [t.fiscalYear, t.target])),
  }));
  const byCode = new Map(kpis.map((k) => [k.code, k]));
  const projects = new Map((await prisma.project.findMany({ where: { planId: plan.id } })).map((p) => [p.no, p]));

  // Validation first, pure and apart from writing (checkGrid, in model.ts); then one transaction.
  const span = { firstFy: plan.firstFy, lastFy: plan.lastFy, ratingRule: plan.ratingRule as RatingRule };
  const { errors, rows: parsed } = checkGrid(input, { span, fy, kpis, projects: [...projects.keys()] });
  if (errors.length) return { kind: "invalid", errors };

  const log: Change[] = [];
  const codeOf = new Map(kpis.map((k) => [k.id, k.code]));
  const projectNoOf = new Map([...projects.values()].map((p) => [p.id, p.no]));
  try {
    const changes = await prisma.$transaction(async (tx) => {
      // A run that lost a race on PostgreSQL is run again from the start: list only the last run's changes.
      log.length = 0;
      let changes = 0;
      // Checked again where writes are serialized: a round marked final since the check above stays untouched.
      const refused = await frozen(tx, plan.id, fy, touchesValues);
      if (refused) throw new Refusal(refused);
      const round = await tx.followUpRound.findUnique({ where: { planId_fiscalYear: { planId: plan.id, fiscalYear: fy } } });
      const r = round ?? (await tx.followUpRound.create({ data: { planId: plan.id, fiscalYear: fy, status: "draft" } }));
      // Each change is recorded, and listed for the answer (the import preview shows the list), in
      // the order made, and written to the log in one statement at the end (auditMany); a row made
      // at once after the loop gets its id (entityId) then.
      const pending: AuditChange[] = [];
      const audit = ({ projectId, ...change }: AuditChange & { entityId: number; projectId?: number }) => {
        log.push({
          kpi: change.kpiId ? codeOf.get(change.kpiId)! : null,
          project: projectId ? projectNoOf.get(projectId)! : null,
          field: change.field,
          oldValue: auditText(change.oldValue),
          newValue: auditText(change.newValue),
        });
        const logged = { reason: null, ...change };
        pending.push(logged);
        return logged;
      };
      // A new round is a change of state too: who opened it, and when.
      if (!round) pending.push({ action: "round.create", entity: "FollowUpRound", entityId: r.id, field: "status", newValue: "draft" });
      const lastChangeWhere = async (where: { entity: string | { in: string[] }; entityId?: number; roundId?: number }) => {
        const a = await tx.auditLog.findFirst({ where, orderBy: { id: "desc" }, include: { user: { select: { name: true } } } });
        return { by: a?.user?.name ?? null, at: a?.at.toISOString() ?? null };
      };
      const lastChange = (entity: string, entityId: number) => lastChangeWhere({ entity, entityId });
      const conflicts: Conflict[] = [];

      // The round's stored rows, read at once; rows new to the round are made at once after the loop.
      const kpiIds = parsed.map((p) => p.kpiId);
      const storedValues = new Map((await tx.yearlyValue.findMany({ where: { fiscalYear: fy, kpiId: { in: kpiIds } } })).map((v) => [v.kpiId, v]));
      const storedEntries = new Map((round ? await tx.roundEntry.findMany({ where: { roundId: r.id, kpiId: { in: kpiIds } } }) : []).map((e) => [e.kpiId, e]));
      type Values = NonNullable<(typeof parsed)[number]["values"]>;
      const valueUpdates: Parameters<typeof updateRows>[3] = [];
      const entryUpdates: Parameters<typeof updateRows>[3] = [];
      const newValues: { data: Values & { kpiId: number; fiscalYear: number; source: string }; changes: AuditChange[] }[] = [];
      type EntryData = { ratingFinal?: string | null; overrideReason?: string | null } & Partial<Record<(typeof ENTRY_TEXT)[number], string | null>>;
      const newEntries: { data: EntryData & { roundId: number; kpiId: number }; changes: AuditChange[] }[] = [];

      for (const { row, kpiId, values: typed } of parsed) {
        if (typed) {
          const current = storedValues.get(kpiId);
          // fields the input does not carry (an import without that column) keep their value
          const values = { ...typed };
          for (const f of VALUE_FIELDS) if (row[f] === undefined) (values as Record<string, unknown>)[f] = current?.[f] ?? null;
          if ((current?.version ?? 0) !== row.valueVersion) {
            const who = current ? await lastChange("YearlyValue", current.id) : { by: null, at: null };
            for (const f of VALUE_FIELDS)
              if (str(current?.[f]) !== str(values[f])) conflicts.push({ kpi: row.kpi, field: f, theirs: str(current?.[f]), yours: str(values[f]), ...who });
            if (!conflicts.some((c) => c.kpi === row.kpi))
              conflicts.push({ kpi: row.kpi, field: "value", theirs: str(current?.value), yours: str(values.value), ...who });
            continue;
          }
          const changed = VALUE_FIELDS.filter((f) => str(current?.[f]) !== str(values[f]));
          if (changed.length) {
            const logged = changed.map((f) => ({
              action: "value.update",
              entity: "YearlyValue",
              kpiId,
              field: f,
              oldValue: current?.[f],
              newValue: values[f],
            }));
            if (current) {
              valueUpdates.push({ id: current.id, version: current.version, data: { ...values, source: `entry by user ${viewer.id}` } });
              for (const change of logged) audit({ ...change, entityId: current.id });
            } else
              newValues.push({
                data: { kpiId, fiscalYear: fy, ...values, source: `entry by user ${viewer.id}` },
                changes: logged.map((change) => audit({ ...change, entityId: 0 })),
              });
            changes += changed.length;
          }
        }

        const entryFields = {
          ratingFinal: row.rating === undefined ? undefined : row.rating || null,
          overrideReason: row.overrideReason === undefined ? undefined : row.overrideReason.trim() || null,
          ...Object.fromEntries(ENTRY_TEXT.map((f) => [f, row[f] === undefined ? undefined : row[f]!.trim() || null])),
        } as Record<string, string | null | undefined>;
        const given = Object.entries(entryFields).filter(([, v]) => v !== undefined) as [string, string | null][];
        if (given.length === 0) continue;
        const entry = storedEntries.get(kpiId);
        if ((entry?.version ?? 0) !== row.entryVersion) {
          const who = entry ? await lastChange("RoundEntry", entry.id) : { by: null, at: null };
          for (const [f, v] of given)
            if (str(entry?.[f as keyof typeof entry]) !== str(v))
              conflicts.push({ kpi: row.kpi, field: f, theirs: str(entry?.[f as keyof typeof entry]), yours: v, ...who });
          continue;
        }
        const changed = given.filter(([f, v]) => str(entry?.[f as keyof typeof entry]) !== str(v));
        if (changed.length === 0) continue;
        const data: EntryData = Object.fromEntries(changed);
        const overrideReason = "overrideReason" in data ? data.overrideReason : (entry?.overrideReason ?? null);
        const logged = changed.map(([f, v]) => ({
          action: f === "ratingFinal" ? "entry.rating" : "entry.update",
          entity: "RoundEntry",
          kpiId,
          field: f,
          oldValue: entry?.[f as keyof typeof entry],
          newValue: v,
          reason: f === "ratingFinal" ? overrideReason : null,
        }));
        if (entry) {
          entryUpdates.push({ id: entry.id, version: entry.version, data });
          for (const change of logged) audit({ ...change, entityId: entry.id });
        } else newEntries.push({ data: { roundId: r.id, kpiId, ...data }, changes: logged.map((change) => audit({ ...change, entityId: 0 })) });
        changes += changed.length;
      }
      // The rows changed, each table in one statement per 200 rows (updateRows); the rows new to
      // the round in one statement each, their changes' entityId set to the ids they were given.
      await updateRows(tx, "YearlyValue", VALUE_COLUMNS, valueUpdates);
      await updateRows(tx, "RoundEntry", ENTRY_COLUMNS, entryUpdates);
      const logMade = (rows: { data: { kpiId: number }; changes: AuditChange[] }[], made: { id: number; kpiId: number }[]) => {
        const ids = new Map(made.map((x) => [x.kpiId, x.id]));
        for (const { data, changes: logged } of rows) for (const change of logged) change.entityId = ids.get(data.kpiId)!;
      };
      if (newValues.length)
        logMade(newValues, await tx.yearlyValue.createManyAndReturn({ data: newValues.map((x) => x.data), select: { id: true, kpiId: true } }));
      if (newEntries.length)
        logMade(newEntries, await tx.roundEntry.createManyAndReturn({ data: newEntries.map((x) => x.data), select: { id: true, kpiId: true } }));

      for (const ev of input.evaluations) {
        const projectId = projects.get(ev.project)!.id;
        const current = await tx.projectEvaluation.findUnique({ where: { roundId_projectId: { roundId: r.id, projectId } } });
        const next = {
          textJa: ev.textJa?.trim() ?? current?.textJa ?? "",
          textEn: ev.textEn === undefined ? (current?.textEn ?? null) : ev.textEn.trim() || null,
        };
        if ((current?.version ?? 0) !== ev.version) {
          const who = current ? await lastChange("ProjectEvaluation", current.id) : { by: null, at: null };
          conflicts.push({ project: ev.project, field: "textJa", theirs: current?.textJa ?? null, yours: next.textJa, ...who });
          continue;
        }
        const changed = (["textJa", "textEn"] as const).filter((f) => str(current?.[f]) !== str(next[f]));
        if (changed.length === 0) continue;
        const saved = current
          ? await tx.projectEvaluation.update({ where: { id: current.id, version: current.version }, data: { ...next, version: { increment: 1 } } })
          : await tx.projectEvaluation.create({ data: { roundId: r.id, projectId, ...next } });
        for (const f of changed)
          audit({
            action: "evaluation.update",
            entity: "ProjectEvaluation",
            entityId: saved.id,
            projectId,
            field: f,
            oldValue: current?.[f],
            newValue: next[f],
          });
        changes += changed.length;
      }

      if (input.notes) {
        // Footnotes and highlights belong to the round: the editor's lists replace the stored ones.
        const notes = input.notes;
        const stored = await tx.followUpRound.findUniqueOrThrow({
          where: { id: r.id },
          include: { footnotes: { orderBy: { id: "asc" }, include: { kpi: { select: { code: true } } } }, highlights: { orderBy: { order: "asc" } } },
        });
        const noteText = (n: { marker?: string; textJa: string; textEn: string | null }) =>
          `${n.marker ? `${n.marker} ` : ""}${n.textJa}${n.textEn ? ` / ${n.textEn}` : ""}`;
        if ((round ? stored.version : 0) !== notes.version) {
          const who = await lastChangeWhere({ entity: { in: ["Footnote", "Highlight"] }, roundId: r.id });
          conflicts.push({
            field: "notes",
            theirs: [...stored.footnotes, ...stored.highlights].map(noteText).join("\n") || null,
            yours: [...notes.footnotes, ...notes.highlights].map((n) => noteText({ ...n, textEn: n.textEn ?? null })).join("\n") || null,
            ...who,
          });
        } else {
          let noteChanges = 0;
          const key = (kpi: string, marker: string) => `${kpi}\u0000${marker}`;
          const before = new Map(stored.footnotes.map((f) => [key(f.kpi.code, f.marker), f]));
          const after = new Map(
            notes.footnotes.map((f) => [
              key(f.kpi, f.marker.trim()),
              { ...f, marker: f.marker.trim(), textJa: f.textJa.trim(), textEn: f.textEn?.trim() || null },
            ]),
          );
          for (const [k, old] of before) {
            if (after.has(k)) continue;
            await tx.footnote.delete({ where: { id: old.id } });
            audit({
              action: "footnote.delete",
              entity: "Footnote",
              entityId: old.id,
              kpiId: old.kpiId,
              field: "footnote",
              oldValue: noteText(old),
              newValue: null,
            });
            noteChanges++;
          }
          for (const [k, f] of after) {
            const old = before.get(k);
            if (old && noteText(old) === noteText(f)) continue;
            const kpiId = byCode.get(f.kpi)!.id;
            const saved = old
              ? await tx.footnote.update({ where: { id: old.id }, data: { textJa: f.textJa, textEn: f.textEn } })
              : await tx.footnote.create({
                  data: { roundId: r.id, kpiId, marker: f.marker, textJa: f.textJa, textEn: f.textEn, source: `entry by user ${viewer.id}` },
                });
            audit({
              action: old ? "footnote.update" : "footnote.create",
              entity: "Footnote",
              entityId: saved.id,
              kpiId,
              field: "footnote",
              oldValue: old ? noteText(old) : null,
              newValue: noteText(f),
            });
            noteChanges++;
          }
          const highlightText = (h: { projectId: number | null; textJa: string; textEn: string | null }) =>
            `${h.projectId ? `${circledNumber(projectNoOf.get(h.projectId)!)} ` : ""}${noteText(h)}`;
          const wanted = notes.highlights.map((h) => ({
            projectId: h.project === null ? null : projects.get(h.project)!.id,
            textJa: h.textJa.trim(),
            textEn: h.textEn?.trim() || null,
          }));
          if (JSON.stringify(stored.highlights.map(highlightText)) !== JSON.stringify(wanted.map(highlightText))) {
            await tx.highlight.deleteMany({ where: { roundId: r.id } });
            for (let i = 0; i < Math.max(wanted.length, stored.highlights.length); i++) {
              const next = wanted[i] ? await tx.highlight.create({ data: { roundId: r.id, order: i + 1, ...wanted[i] } }) : null;
              const old = stored.highlights[i];
              if (old && next && highlightText(old) === highlightText(next)) continue;
              audit({
                action: "highlight.update",
                entity: "Highlight",
                entityId: next?.id ?? old.id,
                field: "highlight",
                oldValue: old ? highlightText(old) : null,
                newValue: next ? highlightText(next) : null,
              });
              noteChanges++;
            }
          }
          if (noteChanges) await tx.followUpRound.update({ where: { id: r.id }, data: { version: { increment: 1 } } });
          changes += noteChanges;
        }
      }

      if (conflicts.length) throw new ConflictError(conflicts);
      if (options.dryRun) throw new DryRun(changes);
      await auditMany(tx, { userId: viewer.id, planId: plan.id, roundId: r.id, fiscalYear: fy }, pending);
      return changes;
    });
    // Nothing to clear: what a save writes is never public. Its figures are of a year that no
    // final round covers (frozen() refuses the others), which readPlanData hides from the
    // public, and its entries, notes and texts belong to a draft round, which the public does
    // not see either; members see drafts rendered per request. The public pages change when
    // the round is marked final (setRoundStatus).
    return { kind: "saved", changes, log };
  } catch (error) {
    if (error instanceof ConflictError) return { kind: "conflict", conflicts: error.conflicts };
    if (error instanceof Refusal) return error.result;
    if (error instanceof DryRun) return { kind: "preview", changes: error.changes, log };
    throw error;
  }
}

/**
 * Records the committee's evaluation of a round as a whole (全体評価), in Japanese and English,
 * while the round is a draft: it is presented with the round at its meeting. Audited per field.
 */
export async function saveAssessment(
  planCode: string,
  fy: number,
  text: { ja: string | null; en: string | null },
  viewer: NonNullable<Viewer>,
): Promise<"ok" | "not-found" | "round-final"> {
  return prisma.$transaction(async (tx) => {
    const round = await tx.followUpRound.findFirst({ where: { plan: { code: planCode }, fiscalYear: fy } });
    if (!round) return "not-found";
    if (round.status !== "draft") return "round-final";
    const write = auditWriter(tx, { userId: viewer.id, planId: round.planId, roundId: round.id, fiscalYear: fy });
    const fields = [
      ["assessmentJa", round.assessmentJa, text.ja],
      ["assessmentEn", round.assessmentEn, text.en],
    ] as const;
    const changed = fields.filter(([, before, after]) => before !== after);
    if (changed.length === 0) return "ok";
    await tx.followUpRound.update({ where: { id: round.id }, data: { assessmentJa: text.ja, assessmentEn: text.en, version: { increment: 1 } } });
    for (const [field, before, after] of changed)
      await write({ action: "round.assessment", entity: "FollowUpRound", entityId: round.id, field, oldValue: before, newValue: after });
    return "ok";
  });
}

/** Marks a round final when it is presented (meeting number and date), or unlocks it with a reason. */
export async function setRoundStatus(
  planCode: string,
  fy: number,
  change: { to: "final"; meetingNo: number | null; meetingDate: string | null } | { to: "draft"; reason: string },
  viewer: NonNullable<Viewer>,
): Promise<"ok" | "not-found" | "unchanged"> {
  const plan = await prisma.plan.findUnique({ where: { code: planCode } });
  const round = plan && (await prisma.followUpRound.findUnique({ where: { planId_fiscalYear: { planId: plan.id, fiscalYear: fy } } }));
  if (!plan || !round) return "not-found";
  if (round.status === change.to) return "unchanged";
  const done = await prisma.$transaction(async (tx) => {
    // Checked again where writes are serialized: a second click on "final" changes nothing.
    const now = await tx.followUpRound.findUniqueOrThrow({ where: { id: round.id }, select: { status: true } });
    if (now.status === change.to) return false;
    await tx.followUpRound.update({
      where: { id: round.id },
      data:
        change.to === "final"
          ? { status: "final", meetingNo: change.meetingNo, meetingDate: change.meetingDate, version: { increment: 1 } }
          : { status: "draft", version: { increment: 1 } },
    });
    await auditWriter(tx, { userId: viewer.id, planId: plan.id, roundId: round.id, fiscalYear: fy })({
      action: change.to === "final" ? "round.finalize" : "round.unlock",
      entity: "FollowUpRound",
      entityId: round.id,
      field: "status",
      oldValue: round.status,
      newValue: change.to,
      reason: change.to === "draft" ? change.reason : null,
    });
    if (change.to === "final") await takeRoundSnapshot(tx, planCode, fy, viewer.id);
    // The stored decks (slides) are of the round as it was final: an unlock discards them here,
    // in its own transaction, so that no one is served a deck of figures being corrected.
    else await tx.storedDeck.deleteMany({ where: { roundId: round.id } });
    return true;
  });
  if (!done) return "unchanged";
  await invalidatePlanPages(planCode);
  return "ok";
}

/** Takes the snapshot of a plan's round, which must be final. */
export async function takeRoundSnapshot(db: Db, planCode: string, fy: number, userId: number | null) {
  const plan = await readPlanData(db, planCode, null);
  const round = plan?.rounds.find((r) => r.fiscalYear === fy);
  if (!plan || !round || round.status !== "final") throw new Error(`No final round ${planCode} ${fy} to snapshot`);
  const row = await db.followUpRound.findFirstOrThrow({ where: { plan: { code: planCode }, fiscalYear: fy }, select: { id: true } });
  await db.roundSnapshot.create({
    data: { roundId: row.id, userId, meetingNo: round.meetingNo, meetingDate: round.meetingDate, data: JSON.stringify(planUpTo(plan, fy)) },
  });
}
