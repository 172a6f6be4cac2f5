import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInNeeded } from "@/components/sign-in-needed";
import { Phrased } from "@/components/phrased";
import { fyLabel, fourDigitYear } from "@/domain/fiscal-year";
import { circledNumber } from "@/domain/format";
import { getViewer } from "@/features/auth/server";
import { loadPlanData } from "@/features/follow-up/data";
import { planYear } from "@/features/follow-up/model";
import { ThreadList } from "@/features/review/components/threads";
import { countWaiting, loadThreads, threadAuthors } from "@/features/review/data";
import { threadFilterSchema } from "@/features/review/schema";
import { ClientMessages } from "@/i18n/client-messages";
import { pageLocale } from "@/i18n/locale";

export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/workspace/[plan]/[fy]/review">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { fy } = await params;
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Review" });
  const year = fourDigitYear(fy);
  return { title: year === null ? t("title") : t("pageTitle", { year: fyLabel(year, locale) }) };
}

/**
 * Every thread of a round, for signed-in users: filtered by state, project and author, with
 * "waiting for the secretariat" one click away; a thread is answered, resolved or reopened here.
 */
export default async function ReviewPage({ params, searchParams }: Props) {
  const { plan: code, fy: fyText } = await params;
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Review" });
  const viewer = await getViewer();
  if (!viewer) return <SignInNeeded locale={locale} title={t("title")} reason={t("unauthenticated")} />;
  const plan = await loadPlanData(code, viewer);
  const fy = plan && planYear(plan, fyText);
  if (!plan || fy === null) notFound();
  const round = plan.rounds.find((r) => r.fiscalYear === fy) ?? null;
  const filter = threadFilterSchema.parse(await searchParams);
  const [threads, waiting, authors] = await Promise.all([loadThreads(code, fy, filter), countWaiting(code, fy), threadAuthors(code, fy)]);
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
  const base = `/${locale}/workspace/${encodeURIComponent(code)}/${fy}`;
  return (
    <>
      <h1>
        <Phrased text={t("pageTitle", { year: fyLabel(fy, locale) })} />
      </h1>
      <p>{t("intro")}</p>
      <p>
        <a href={`${base}/review?state=open`}>{t("waitingSecretariat", { count: waiting })}</a> · <a href={`${base}/review`}>{t("showAll")}</a>
      </p>
      <form method="get" className="filters">
        <label>
          {t("filterState")}{" "}
          <select name="state" defaultValue={filter.state ?? ""}>
            <option value="">{t("filterAll")}</option>
            {(["open", "answered", "resolved"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`state_${s}`)}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("filterProject")}{" "}
          <select name="project" defaultValue={filter.project ?? ""}>
            <option value="">{t("filterAll")}</option>
            <option value="0">{t("planWide")}</option>
            {plan.projects.map((p) => (
              <option key={p.no} value={p.no}>
                {circledNumber(p.no)} {name(p)}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("filterAuthor")}{" "}
          <select name="author" defaultValue={filter.author ?? ""}>
            <option value="">{t("filterAll")}</option>
            {authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit">{t("filterApply")}</button>
      </form>
      {/* the list's heading: its threads' headings are h3 */}
      <h2 className="list-count">{t("count", { count: threads.length })}</h2>
      {round ? (
        <ClientMessages namespaces={["Review"]}>
          <ThreadList
            threads={threads}
            me={viewer}
            api={`/api/plans/${encodeURIComponent(code)}/rounds/${fy}`}
            writable={round.status === "draft"}
            ask={{ scope: "round" }}
            subjects
          />
        </ClientMessages>
      ) : (
        <p className="notice">{t("roundNotFound")}</p>
      )}
    </>
  );
}
