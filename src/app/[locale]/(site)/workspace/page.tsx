import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PlainLink } from "@/components/plain-link";
import { SignInNeeded } from "@/components/sign-in-needed";
import { fyLabel } from "@/domain/fiscal-year";
import { canEditRound } from "@/features/auth/ability";
import { getViewer } from "@/features/auth/server";
import { yearState } from "@/features/follow-up/model";
import { listPlansWithRounds } from "@/features/plans/data";
import { noticesFor } from "@/features/review/data";
import { pageLocale } from "@/i18n/locale";

export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/workspace">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "Workspace" });
  const viewer = await getViewer();
  return { title: t(viewer && !canEditRound(viewer) ? "linkReadOnly" : "link") };
}

/** The way into data entry: each plan's fiscal years. */
export default async function WorkspaceIndex({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Workspace" });
  const viewer = await getViewer();
  if (!viewer) {
    return <SignInNeeded locale={locale} title={t("link")} reason={t("signInNeeded")} />;
  }
  const plans = await listPlansWithRounds();
  const tr = await getTranslations({ locale, namespace: "Review" });
  const notices = await noticesFor(viewer);
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
  return (
    <>
      <h1>{t(canEditRound(viewer) ? "link" : "linkReadOnly")}</h1>
      <section aria-labelledby="notices" className="notices">
        <h2 id="notices">{tr("noticesTitle")}</h2>
        {notices.length === 0 ? (
          <p className="muted">{tr("noNotices")}</p>
        ) : (
          <ul>
            {notices.map((n) => {
              const values = {
                plan: name(n.plan),
                year: fyLabel(n.fy, locale),
                subject: n.kpi ? name(n.kpi) : tr(n.scope === "project" ? "scopeProject" : "scopeRound"),
                kind: tr(n.kind),
                author: n.author,
              };
              return (
                <li key={n.id}>
                  <PlainLink href={`/workspace/${n.plan.code}/${n.fy}/review#thread-${n.id}`}>
                    {tr(n.state === "open" ? "noticeOpen" : "noticeAnswered", values)}
                  </PlainLink>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {plans.map((p) => (
        <section key={p.code} aria-labelledby={`ws-${p.code}`}>
          <h2 id={`ws-${p.code}`}>{locale === "ja" ? p.nameJa : p.nameEn}</h2>
          <ul className="year-links">
            {Array.from({ length: p.lastFy - p.firstFy + 1 }, (_, i) => p.firstFy + i).map((fy) => {
              const state = yearState(p.rounds, fy);
              return (
                <li key={fy}>
                  <PlainLink href={`/workspace/${p.code}/${fy}`}>{fyLabel(fy, locale)}</PlainLink>{" "}
                  <span className="small muted">
                    {state.kind === "covered" ? t("status_covered", { round: fyLabel(state.by, locale) }) : t(`status_${state.kind}`)}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}
