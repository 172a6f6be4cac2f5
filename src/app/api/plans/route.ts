import { route } from "@/features/auth/server";
import { listPlans } from "@/features/plans/data";

export const dynamic = "force-dynamic";

/** GET /api/plans: every plan with its code, names and fiscal years. */
export const GET = route({ access: "anyone", namespace: "Api" }, async () => {
  const plans = await listPlans();
  return Response.json({ plans: plans.map((p) => ({ code: p.code, name_ja: p.nameJa, name_en: p.nameEn, first_fy: p.firstFy, last_fy: p.lastFy })) });
});
