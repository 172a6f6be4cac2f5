import { z } from "zod";

const raw = z.string().max(20_000).optional();

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

export const finalizeSchema = z.object({
  meetingNo: z.number().int().min(1).max(10_000).nullable(),
  meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
});

export const unlockSchema = z.object({ reason: z.string().trim().min(1).max(2000) });

/** The audit trail's filters, from a query string: ?kpi=&fy=YYYY&field= (empty means all). */
export const auditFilterSchema = z.object({
  kpi: z.string().max(100).optional().transform((v) => v || undefined),
  fy: z.union([z.literal(""), z.string().regex(/^\d{4}$/)]).optional().transform((v) => (v ? Number(v) : undefined)),
  field: z.string().max(50).optional().transform((v) => v || undefined),
});
