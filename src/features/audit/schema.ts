import { z } from "zod";

/** The audit trail's filters, from a query string: ?kpi=&fy=YYYY&field= (empty means all). */
export const auditFilterSchema = z.object({
  kpi: z
    .string({ error: "auditFilterInvalid" })
    .max(100, { error: "auditFilterInvalid" })
    .optional()
    .transform((v) => v || undefined),
  fy: z
    .union([z.literal(""), z.string().regex(/^\d{4}$/)], { error: "auditFilterInvalid" })
    .optional()
    .transform((v) => (v ? Number(v) : undefined)),
  field: z
    .string({ error: "auditFilterInvalid" })
    .max(50, { error: "auditFilterInvalid" })
    .optional()
    .transform((v) => v || undefined),
});
