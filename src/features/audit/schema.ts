import { z } from "zod";
import { fourDigitYear } from "@/domain/fiscal-year";

/** The largest id a page may start before: an Int's largest value (32 bits, as Prisma and PostgreSQL store it). */
export const MAX_AUDIT_ID = 2_147_483_647;

/**
 * The audit trail's filters, from a query string: ?kpi=&fy=YYYY&field= (empty means all), and
 * ?before=<id>, the cursor of an older page: the entries whose id is lower, newest first.
 */
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
  before: z
    .string({ error: "auditFilterInvalid" })
    .max(20, { error: "auditFilterInvalid" })
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      // digits only (no sign, exponent, spaces or leading zero), within an Int
      const id = /^[1-9][0-9]{0,9}$/.test(v) ? Number(v) : NaN;
      if (id <= MAX_AUDIT_ID) return id;
      ctx.addIssue({ code: "custom", message: "auditFilterInvalid" });
      return z.NEVER;
    }),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;
