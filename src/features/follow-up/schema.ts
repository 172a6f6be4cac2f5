import { z } from "zod";
import { normalizeDigits } from "@/domain/normalize";

/**
 * The follow-up export's query. Error messages are keys of the Api messages.
 * Full-width digits and surrounding spaces are accepted (fy=２０２２).
 */
export const followUpQuerySchema = z.object({
  fy: z
    .string({ error: "fyMissing" })
    .transform((s) => normalizeDigits(s).trim())
    .pipe(
      z
        .string()
        .min(1, { error: "fyMissing" })
        .regex(/^\d{4}$/, { error: "fyMalformed" }),
    )
    .transform(Number),
  format: z.enum(["json", "csv", "xlsx"], { error: "formatInvalid" }).default("json"),
  lang: z.string().optional(),
});

/** The slides' query: the round's fiscal year and the deck's language. */
export const slidesQuerySchema = followUpQuerySchema.pick({ fy: true }).extend({
  lang: z.enum(["ja", "en"], { error: "langInvalid" }).optional(),
});
