/** The format of the project's seed files (seeds/*.json). */
import { z } from "zod";

const source = z.string().optional();
const rating = z.enum(["A", "B"]);

const subTarget = z.object({
  code: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  target: z.number().nullable(),
});

const kpi = z.object({
  code: z.string(),
  kind: z.enum(["output", "outcome"]),
  management: z.boolean(),
  measure: z.enum(["count", "share", "qualitative"]),
  unit: z.string().nullable(),
  groupJa: z.string().nullable(),
  groupEn: z.string().nullable(),
  nameJa: z.string(),
  nameEn: z.string(),
  target: z.number().nullable(),
  targetQualifier: z.literal("at_least").nullable(),
  targetRawJa: z.string().nullable(),
  subItemsJa: z.array(z.string()).optional(),
  subItemsEn: z.array(z.string()).optional(),
  /** fiscal_year when absent */
  counting: z.enum(["fiscal_year", "calendar_year"]).optional(),
  definitionJa: z.string().optional(),
  definitionEn: z.string().optional(),
  source,
  subs: z.array(subTarget),
});

const project = z.object({
  no: z.number().int().min(1),
  code: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  /** only those the documents give: an empty list leaves them for an admin to set */
  ministries: z.array(z.object({ code: z.enum(["MHLW", "MEXT", "METI", "MIC", "CAO"]), lead: z.boolean() })),
  budgets: z.array(z.object({ fy: z.number().int(), kind: z.enum(["amed", "inhouse"]), okuYen: z.number(), source })),
  kpis: z.array(kpi),
  source,
});

const value = z.object({
  kpi: z.string(),
  fy: z.number().int(),
  value: z.number().optional(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  text: z.string().optional(),
  cumulativeReported: z.number().optional(),
  source,
});

const round = z.object({
  fy: z.number().int(),
  meetingNo: z.number().int().nullable(),
  meetingDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  asOfDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  status: z.enum(["draft", "final"]),
  titleJa: z.string().optional(),
  titleEn: z.string().optional(),
  assessmentJa: z.string().optional(),
  assessmentEn: z.string().optional(),
  assessmentSource: source,
  source,
  sourceNote: z.string().optional(),
  highlights: z.array(z.object({ project: z.number().int().nullable(), textJa: z.string(), textEn: z.string().optional(), source })).default([]),
  evaluations: z.array(z.object({ project: z.number().int(), textJa: z.string(), textEn: z.string().optional(), source })).optional(),
  entries: z.array(
    z.object({
      kpi: z.string(),
      rating: rating.optional(),
      detailJa: z.string().optional(),
      detailEn: z.string().optional(),
      noteJa: z.string().optional(),
      noteEn: z.string().optional(),
      labelJa: z.string().optional(),
      printed: z.string().optional(),
      source,
    }),
  ),
  footnotes: z.array(z.object({ kpi: z.string(), marker: z.string(), textJa: z.string(), textEn: z.string().optional(), source })).default([]),
});

export const seedFileSchema = z.object({
  plan: z.object({
    code: z.string().regex(/^[a-z0-9-]+$/),
    nameJa: z.string(),
    nameEn: z.string(),
    firstFy: z.number().int(),
    lastFy: z.number().int(),
    /** how the plan's KPIs are rated (src/domain/rating.ts); pro_rata when absent */
    ratingRule: z.enum(["pro_rata", "annual_targets"]).optional(),
    source,
  }),
  projects: z.array(project),
  /** the plan-wide KPIs (全体目標, アウトカム指標 …), which belong to no project */
  kpis: z.array(kpi).optional(),
  values: z.array(value),
  rounds: z.array(round),
});

export type SeedFile = z.infer<typeof seedFileSchema>;
export type SeedKpi = z.infer<typeof kpi>;
