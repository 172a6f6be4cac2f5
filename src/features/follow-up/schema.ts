import { fourDigitYear, parseCalendarDate } from "@/domain/fiscal-year";
import { readFigure } from "@/domain/normalize";
import { z } from "zod";

/**
 * The follow-up export's query. Error messages are keys of the Api messages.
 * Full-width digits and surrounding spaces are accepted (fy=２０２２).
 */
export const followUpQuerySchema = z.object({
  fy: z
    .string({ error: "fyMissing" })
    .trim()
    .min(1, { error: "fyMissing" })
    .transform((s, ctx) => fourDigitYear(s) ?? (ctx.addIssue({ code: "custom", message: "fyMalformed" }), z.NEVER)),
  format: z.enum(["json", "csv", "xlsx"], { error: "formatInvalid" }).default("json"),
  lang: z.string().optional(),
});

/** The slides' query: the round's fiscal year, the deck's language and format. */
export const slidesQuerySchema = followUpQuerySchema.pick({ fy: true }).extend({
  lang: z.enum(["ja", "en"], { error: "langInvalid" }).optional(),
  format: z.enum(["pdf", "pptx"], { error: "deckFormatInvalid" }).default("pdf"),
  /** the round's version, in the overview's links: a final deck at its own version may be cached for good */
  v: z.string().max(12).optional(),
});

const raw = z.string().max(20_000).optional();

/** A fiscal year in an address: four digits (see fourDigitYear). */
export const fiscalYear = z
  .string()
  .max(40)
  .transform((s, ctx) => fourDigitYear(s) ?? (ctx.addIssue({ code: "custom", message: "fyMalformed" }), z.NEVER));

/** A round's route: /api/plans/{code}/rounds/{fy}, with a four-digit fiscal year. */
export const roundParamsSchema = z.object({
  code: z.string().min(1).max(50),
  fy: fiscalYear,
});

/** An upload's mode: check it (the default) or apply it. */
export const importQuerySchema = z.object({ mode: z.enum(["preview", "apply"]).catch("preview") });

/** One KPI's row of the grid, as typed; the versions are those the editor started from (0: none). */
export const gridRowSchema = z.object({
  kpi: z.string().min(1).max(100),
  value: z.string().max(50).optional(),
  numerator: z.string().max(50).optional(),
  denominator: z.string().max(50).optional(),
  text: raw,
  valueVersion: z.number().int().min(0),
  rating: z.enum(["A", "B", ""]).optional(),
  overrideReason: raw,
  detailJa: raw,
  detailEn: raw,
  noteJa: raw,
  noteEn: raw,
  entryVersion: z.number().int().min(0),
});

export const gridSaveSchema = z.object({
  rows: z.array(gridRowSchema).max(1000),
  evaluations: z
    .array(z.object({ project: z.number().int().min(1), textJa: raw, textEn: raw, version: z.number().int().min(0) }))
    .max(50)
    .default([]),
  /** the round's footnotes and highlights, replaced as a whole; version is the round's as loaded (0: no round yet) */
  notes: z
    .object({
      version: z.number().int().min(0),
      footnotes: z.array(z.object({ kpi: z.string().min(1).max(100), marker: z.string().max(10), textJa: z.string().max(20_000), textEn: raw })).max(300),
      highlights: z.array(z.object({ project: z.number().int().min(1).nullable(), textJa: z.string().max(20_000), textEn: raw })).max(100),
    })
    .optional(),
});

export type GridRow = z.infer<typeof gridRowSchema>;
export type GridSave = z.infer<typeof gridSaveSchema>;

/**
 * Marking a round final: the meeting that presented it. The number is read as typed (１２,
 * "12"); the date must be a real calendar date (２０２５－０５－１４ is fine, 2025-13-45 is
 * not). Whether it falls in the round's span (meetingDateRange) is checked against the
 * round's year (see the status route). Error messages are Entry keys.
 */
export const finalizeSchema = z.object({
  meetingNo: z.unknown().transform((v, ctx) => {
    const { value, error } = readFigure(v, "count", 10_000);
    if (error || value === 0) ctx.addIssue({ code: "custom", message: "meetingNoInvalid" });
    return value;
  }),
  meetingDate: z.union([z.string().max(40), z.null()], { error: "meetingDateInvalid" }).transform((v, ctx) => {
    const date = v === null || v.trim() === "" ? null : parseCalendarDate(v);
    if (v !== null && v.trim() !== "" && date === null) ctx.addIssue({ code: "custom", message: "meetingDateInvalid" });
    return date;
  }),
});

export const unlockSchema = z.object({ reason: z.string().trim().min(1).max(2000) });

/** A round's status change: {"to": "final", meetingNo, meetingDate} or {"to": "draft", reason}. */
export const statusChangeSchema = z.discriminatedUnion("to", [
  finalizeSchema.extend({ to: z.literal("final") }),
  unlockSchema.extend({ to: z.literal("draft") }),
]);

/** The committee's evaluation of a round: Japanese, and English beside it (empty: none); at most 2,000 characters each. */
const assessmentText = z
  .string()
  .max(2000, { error: "evaluationTooLong" })
  .nullish()
  .transform((s) => s?.replaceAll("\u0000", "").trim() || null);
export const assessmentSchema = z
  .object({ ja: assessmentText, en: assessmentText })
  .refine((a) => a.ja !== null || a.en === null, { error: "evaluationEnWithoutJa", path: ["en"] });
