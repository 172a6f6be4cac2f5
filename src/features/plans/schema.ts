import { z } from "zod";
import { normalizeDigits } from "@/domain/normalize";

const year = z.preprocess((v) => (typeof v === "string" ? Number(normalizeDigits(v).trim()) : v), z.number().int().min(1989).max(2100));

export const newPlanSchema = z
  .object({
    code: z.string().trim().regex(/^[a-z0-9-]{2,30}$/),
    nameJa: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200),
    firstFy: year,
    lastFy: year,
    copyFrom: z.string().trim().max(30).optional(),
  })
  .refine((p) => p.lastFy >= p.firstFy && p.lastFy - p.firstFy < 15, { path: ["lastFy"], message: "lastFy" });

const target = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  const s = normalizeDigits(v).replace(/,/g, "").trim();
  return s === "" ? null : Number(s);
}, z.number().min(0).max(1e9).nullable());

export const kpiEditSchema = z.object({
  nameJa: z.string().trim().min(1).max(300).optional(),
  nameEn: z.string().trim().min(1).max(300).optional(),
  target: target.optional(),
  targetQualifier: z.enum(["at_least", ""]).optional(),
  reason: z.string().trim().min(1).max(2000),
});
