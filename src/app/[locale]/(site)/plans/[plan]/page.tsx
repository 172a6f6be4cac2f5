import { notFound, redirect } from "next/navigation";
import { getPlan } from "@/features/dashboard/server";
import { latestFinalRound } from "@/features/follow-up/model";

export const dynamic = "force-dynamic";

/** A plan opens as of its latest final round (or its first year when it has none yet). */
export default async function PlanPage({ params }: PageProps<"/[locale]/plans/[plan]">) {
  const { locale, plan: code } = await params;
  const plan = await getPlan(code);
  if (!plan) notFound();
  const fy = latestFinalRound(plan)?.fiscalYear ?? plan.firstFy;
  redirect(`/${locale}/plans/${code}/${fy}`);
}
