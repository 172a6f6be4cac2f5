// Error messages are message keys: of the Admin namespace for plans and KPIs, of
// AdminProjects (falling back to Admin) for projects.
import { z } from "zod";
import { fourDigitYear, parseFiscalYear } from "@/domain/fiscal-year";
import { readFigure, type FigureError } from "@/domain/normalize";
import { KPI_GROUPS, KPI_KINDS, MEASURES } from "@/domain/structure";
import { BUDGET_KINDS, COUNTINGS, MINISTRIES } from "@/domain/types";

const yearRange = z.number({ error: "fyInvalid" }).int({ error: "fyInvalid" }).min(1989, { error: "fyInvalid" }).max(2100, { error: "fyInvalid" });
/** A year as the forms send it: four digits, full-width too (a budget's year). */
const year = z.preprocess((v) => (typeof v === "string" ? (fourDigitYear(v) ?? Number.NaN) : v), yearRange);
/** A year as an admin types it: 2025, ２０２５, FY2025, R7 or 令和7年度 (a plan's first and last). */
const typedYear = z.preprocess((v) => (typeof v === "string" ? (parseFiscalYear(v) ?? Number.NaN) : v), yearRange);
const name = (max: number) => z.string({ error: "nameRequired" }).trim().min(1, { error: "nameRequired" }).max(max, { error: "nameTooLong" });

export const newPlanSchema = z
  .object(
    {
      code: z
        .string({ error: "codeInvalid" })
        .trim()
        .regex(/^[a-z0-9-]{2,30}$/, { error: "codeInvalid" }),
      nameJa: name(200),
      nameEn: name(200),
      firstFy: typedYear,
      lastFy: typedYear,
      copyFrom: z.string({ error: "codeInvalid" }).trim().max(30, { error: "codeInvalid" }).optional(),
    },
    { error: "invalid" },
  )
  .refine((p) => p.lastFy >= p.firstFy && p.lastFy - p.firstFy < 15, { path: ["lastFy"], error: "fyRange" });

/** A target as typed; it is read by readFigure() against the KPI's measure when the KPI is known (see editKpi). */
const target = z.union([z.string().max(50, { error: "targetInvalid" }), z.number(), z.null()], { error: "targetInvalid" });

const reason = z.string({ error: "reasonRequired" }).trim().min(1, { error: "reasonRequired" }).max(2000, { error: "reasonTooLong" });

export const kpiEditSchema = z.object(
  {
    nameJa: name(300).optional(),
    nameEn: name(300).optional(),
    target: target.optional(),
    targetQualifier: z.enum(["at_least", ""], { error: "qualifierInvalid" }).optional(),
    reason,
  },
  { error: "invalid" },
);

/** A budget in 億円 as typed ("１,２３４.５", "326 ", 326); empty means "no budget". */
const BUDGET_ERRORS: Record<FigureError, string> = {
  notANumber: "budgetNotANumber",
  negative: "budgetNegative",
  tooLarge: "budgetTooLarge",
  notInteger: "budgetNotANumber",
  shareRange: "budgetNotANumber",
};
const okuYen = z.unknown().transform((v, ctx) => {
  // A missing amount is a mistake, not a removal (that is null or "").
  const { value, error } = v === undefined ? { value: null, error: "notANumber" as const } : readFigure(v, "amount", 1_000_000);
  if (error) ctx.addIssue({ code: "custom", message: BUDGET_ERRORS[error] });
  return value;
});

const ministries = z
  .array(z.object({ ministry: z.enum(MINISTRIES, { error: "ministryUnknown" }), lead: z.boolean({ error: "invalid" }) }, { error: "invalid" }), {
    error: "invalid",
  })
  .min(1, { error: "ministriesRequired" })
  .superRefine((list, ctx) => {
    list.forEach((m, i) => {
      if (list.findIndex((x) => x.ministry === m.ministry) < i) ctx.addIssue({ code: "custom", path: [i, "ministry"], message: "ministryDuplicate" });
    });
    if (list.filter((m) => m.lead).length !== 1) ctx.addIssue({ code: "custom", path: [], message: "leadExactlyOne" });
  });

const budgets = z
  .array(z.object({ fiscalYear: year, kind: z.enum(BUDGET_KINDS, { error: "kindInvalid" }), okuYen }, { error: "invalid" }), { error: "invalid" })
  .max(200, { error: "invalid" })
  .superRefine((list, ctx) => {
    list.forEach((b, i) => {
      if (list.findIndex((x) => x.fiscalYear === b.fiscalYear && x.kind === b.kind) < i)
        ctx.addIssue({ code: "custom", path: [i, "fiscalYear"], message: "budgetDuplicate" });
    });
  });

/**
 * An admin's change to a project: its names, its ministries (in order, exactly one lead)
 * and budgets by fiscal year and kind (the budgets not listed stay; null removes one),
 * with an optional reason for the audit log.
 */
export const projectEditSchema = z
  .object(
    {
      nameJa: name(300).optional(),
      nameEn: name(300).optional(),
      ministries: ministries.optional(),
      budgets: budgets.optional(),
      reason: z
        .string({ error: "reasonTooLong" })
        .trim()
        .max(2000, { error: "reasonTooLong" })
        .transform((r) => r || null)
        .nullable()
        .optional(),
    },
    { error: "invalid" },
  )
  .strict()
  .refine((p) => p.nameJa !== undefined || p.nameEn !== undefined || p.ministries !== undefined || p.budgets !== undefined, { error: "nothingToChange" });

export type ProjectEdit = z.infer<typeof projectEditSchema>;

// The structure of a plan (add, remove, reorder projects and KPIs; annual targets; the lock).
// Error messages are message keys of AdminStructure, falling back to Admin.

/** A stable code as an address carries it: lower-case letters, digits and hyphens. */
const code = (max: number, error: string) =>
  z
    .string({ error })
    .trim()
    .regex(new RegExp(`^[a-z0-9-]{1,${max}}$`), { error });
/** A text that may be left empty (null). */
const optionalText = (max: number, error: string) =>
  z
    .string({ error })
    .trim()
    .max(max, { error })
    .transform((v) => v || null)
    .nullable()
    .optional();
const optionalReason = optionalText(2000, "reasonTooLong");

/** A typed figure read against what it measures; the message keys of its errors. */
export const TARGET_ERRORS: Record<FigureError, string> = {
  notANumber: "targetInvalid",
  negative: "targetInvalid",
  notInteger: "targetNotInteger",
  shareRange: "targetShareRange",
  tooLarge: "targetTooLarge",
};

/** A group as typed: a group the forms offer gets its other language's name when that is left empty. */
function withGroupNames<G extends { groupJa?: string | null; groupEn?: string | null }>(k: G): G {
  const known = KPI_GROUPS.find((g) => g.ja === k.groupJa || g.en === k.groupEn);
  if (!known || (k.groupJa && k.groupEn) || (!k.groupJa && !k.groupEn)) return k;
  return { ...k, groupJa: k.groupJa || known.ja, groupEn: k.groupEn || known.en };
}

/** POST …/projects: a new integrated project, numbered after the last one. */
export const newProjectSchema = z
  .object({ code: code(30, "projectCodeInvalid"), nameJa: name(300), nameEn: name(300), reason: optionalReason }, { error: "invalid" })
  .strict();

/** The project a new KPI belongs to, by its number; empty or null for a plan-wide KPI. */
const projectNo = z.preprocess(
  (v) => (v === "" ? null : typeof v === "string" && /^\d{1,3}$/.test(v) ? Number(v) : v),
  z.number({ error: "projectInvalid" }).int({ error: "projectInvalid" }).min(1, { error: "projectInvalid" }).max(999, { error: "projectInvalid" }).nullable(),
);

/**
 * POST …/kpis: a new KPI (a special target is one in the group 特設目標), plan-wide or a
 * project's, after the others of its list. Its total target is read as a clerk types it
 * ("1,860", full-width digits): a whole number for a count, 0–100 for a share, none for a
 * qualitative KPI.
 */
export const newKpiSchema = z
  .object(
    {
      code: code(60, "kpiCodeInvalid"),
      project: projectNo.optional().transform((v) => v ?? null),
      kind: z.enum(KPI_KINDS, { error: "kindUnknown" }),
      measure: z.enum(MEASURES, { error: "measureUnknown" }),
      unit: optionalText(20, "unitTooLong"),
      groupJa: optionalText(100, "groupTooLong"),
      groupEn: optionalText(100, "groupTooLong"),
      nameJa: name(300),
      nameEn: name(300),
      target: target.optional(),
      targetQualifier: z.enum(["at_least", ""], { error: "qualifierInvalid" }).optional(),
      counting: z.enum(COUNTINGS, { error: "countingUnknown" }).default("fiscal_year"),
      definitionJa: optionalText(2000, "textTooLong"),
      definitionEn: optionalText(2000, "textTooLong"),
      reason: optionalReason,
    },
    { error: "invalid" },
  )
  .strict()
  .transform((k, ctx) => {
    const typed = k.target ?? null;
    let value: number | null = null;
    if (k.measure === "qualitative") {
      if (typed !== null && String(typed).trim() !== "") ctx.addIssue({ code: "custom", path: ["target"], message: "targetQualitative" });
    } else {
      const read = readFigure(typed, k.measure === "share" ? "share" : "count");
      if (read.error) ctx.addIssue({ code: "custom", path: ["target"], message: TARGET_ERRORS[read.error] });
      value = read.value;
    }
    return withGroupNames({ ...k, target: value, targetQualifier: value === null ? null : k.targetQualifier || null });
  });
export type NewKpi = z.output<typeof newKpiSchema>;

/** PATCH …/kpis/{kpi}: what a KPI is, besides its names and total target (which POST changes with a reason). */
export const kpiStructureSchema = z
  .object(
    {
      kind: z.enum(KPI_KINDS, { error: "kindUnknown" }).optional(),
      counting: z.enum(COUNTINGS, { error: "countingUnknown" }).optional(),
      unit: optionalText(20, "unitTooLong"),
      groupJa: optionalText(100, "groupTooLong"),
      groupEn: optionalText(100, "groupTooLong"),
      definitionJa: optionalText(2000, "textTooLong"),
      definitionEn: optionalText(2000, "textTooLong"),
      reason: optionalReason,
    },
    { error: "invalid" },
  )
  .strict()
  .refine((k) => Object.entries(k).some(([f, v]) => f !== "reason" && v !== undefined), { error: "nothingToChange" })
  .transform(withGroupNames);
export type KpiStructureEdit = z.output<typeof kpiStructureSchema>;

/** PUT …/kpis/{kpi}/year-targets: one year's target, with a reason; empty puts the year back to the default (total ÷ years). */
export const yearTargetSchema = z.object({ fiscalYear: year, target: target.optional().transform((v) => v ?? null), reason }, { error: "invalid" }).strict();

/** POST …/move: the place (1 = first) in its list. */
export const moveSchema = z
  .object(
    {
      to: z.number({ error: "positionInvalid" }).int({ error: "positionInvalid" }).min(1, { error: "positionInvalid" }).max(999, { error: "positionInvalid" }),
    },
    { error: "invalid" },
  )
  .strict();

/** DELETE of a project or a KPI: an optional reason for the audit log. */
export const removeSchema = z
  .object({ reason: optionalReason }, { error: "invalid" })
  .strict()
  .optional()
  .transform((r) => r?.reason ?? null);

/** POST …/structure: lock the structure again, or unlock it (a reason is required to unlock). */
export const structureLockSchema = z
  .object({ locked: z.boolean({ error: "lockInvalid" }), reason: optionalReason }, { error: "invalid" })
  .strict()
  .refine((l) => l.locked || !!l.reason, { path: ["reason"], error: "reasonRequired" });

/** The parameters of the structure's routes: a plan's code, a project's number, a KPI's code (anything else answers 404). */
const planCode = z.string().regex(/^[a-z0-9-]{1,50}$/);
export const planParams = z.object({ code: planCode });
export const projectParams = z.object({
  code: planCode,
  no: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number),
});
export const kpiParams = z.object({ code: planCode, kpi: z.string().regex(/^[a-z0-9-]{1,60}$/) });
