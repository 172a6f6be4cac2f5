import { getMessages, getTimeZone, getTranslations } from "next-intl/server";
import { LazyThreadList } from "@/features/review/components/lazy-threads";
import type { ThreadView } from "@/features/review/model";

/**
 * The committee's threads on a KPI or a project, on its dashboard page: rendered only for a
 * signed-in viewer (the page passes none to the public), with the form to open a new one.
 */
export async function ReviewSection({
  locale,
  heading,
  threads,
  me,
  plan,
  fy,
  writable,
  ask,
}: {
  locale: "ja" | "en";
  heading: "onKpi" | "onProject";
  threads: ThreadView[];
  me: { id: number; role: string };
  plan: string;
  fy: number;
  writable: boolean;
  ask: { scope: "kpi"; kpi: string } | { scope: "project"; project: number };
}) {
  const t = await getTranslations({ locale, namespace: "Review" });
  return (
    <section aria-labelledby="review" className="review-section">
      <h2 id="review">{t(heading)}</h2>
      <p className="small muted">{t("intro")}</p>
      <LazyThreadList
        locale={locale}
        timeZone={await getTimeZone()}
        messages={(await getMessages({ locale })).Review}
        threads={threads}
        me={me}
        api={`/api/plans/${encodeURIComponent(plan)}/rounds/${fy}`}
        writable={writable}
        ask={ask}
        subjects={heading === "onProject"}
      />
      <p className="small">
        <a href={`/${locale}/workspace/${encodeURIComponent(plan)}/${fy}/review`}>{t("openReview")}</a>
      </p>
    </section>
  );
}
