import { z } from "zod";
import { fourDigitYear } from "@/domain/fiscal-year";

/** The audit trail's filters, from a query string: ?kpi=&fy=YYYY&field= (empty means all). */
export const auditFilterSchema = z.object({
  kpi: z
    .string({ error: "auditFilterInvalid" })
    .max(100, { error: "auditFilterInvalid" })
    .optional()
    .transform((v) => v || undefined),
  fy: z
    .string({ error: "auditFilterInvalid" })
    .max(20, { error: "auditFilterInvalid" })
    .optional()
    .transform((v, ctx) => (v ? (fourDigitYear(v) ?? (ctx.addIssue({ code: "custom", message: "auditFilterInvalid" }), z.NEVER)) : undefined)),
  field: z
    .string({ error: "auditFilterInvalid" })
    .max(50, { error: "auditFilterInvalid" })
    .optional()
    .transform((v) => v || undefined),
});
