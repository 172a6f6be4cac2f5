// Error messages are message keys: of the Admin namespace for plans and KPIs, of
// AdminProjects (falling back to Admin) for projects.
import { z } from "zod";
import { fourDigitYear, parseFiscalYear } from "@/domain/fiscal-year";
import { readFigure, type FigureError } from "@/domain/normalize";
import { BUDGET_KINDS, MINISTRIES } from "@/domain/types";

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
const target = z.union([z.string().max(50), z.number(), z.null()], { error: "targetInvalid" });

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
