import { z } from "zod";
import { POST_MAX } from "@/features/review/model";

/** A post's text: trimmed, not empty, at most POST_MAX characters (no NUL). */
const body = z
  .string({ error: "bodyMissing" })
  .transform((s) => s.replaceAll("\u0000", "").trim())
  .pipe(z.string().min(1, { error: "bodyMissing" }).max(POST_MAX, { error: "bodyTooLong" }));
const lang = z.enum(["ja", "en"], { error: "langInvalid" });

/** A new thread: on a KPI (by code), a project (by number) or the round, a question or an opinion, with its first post. */
export const threadCreateSchema = z
  .object({
    scope: z.enum(["kpi", "project", "round"], { error: "scopeInvalid" }),
    kpi: z.string().max(80).optional(),
    project: z.coerce.number().int().min(1).max(99).optional(),
    kind: z.enum(["question", "opinion"], { error: "kindInvalid" }),
    body,
    lang,
  })
  .refine((t) => t.scope !== "kpi" || !!t.kpi, { error: "kpiMissing", path: ["kpi"] })
  .refine((t) => t.scope !== "project" || t.project !== undefined, { error: "projectMissing", path: ["project"] });
export type ThreadCreate = z.infer<typeof threadCreateSchema>;

export const postCreateSchema = z.object({ body, lang });
export const postEditSchema = z.object({ body, version: z.number({ error: "versionMissing" }).int().min(1) });
export const threadStateSchema = z.object({ to: z.enum(["resolved", "open"], { error: "stateInvalid" }) });
export const hideSchema = z.object({
  reason: z.string({ error: "reasonMissing" }).trim().min(1, { error: "reasonMissing" }).max(500, { error: "reasonTooLong" }),
});

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive() });

/** The review page's and the list's filters. */
export const threadFilterSchema = z.object({
  state: z.enum(["open", "answered", "resolved"]).optional().catch(undefined),
  project: z.coerce.number().int().min(0).max(99).optional().catch(undefined),
  author: z.coerce.number().int().positive().optional().catch(undefined),
  kpi: z.string().max(80).optional().catch(undefined),
});
export type ThreadFilter = z.infer<typeof threadFilterSchema>;
