import { isRated } from "@/domain/rating";
import { useLocale, useTranslations } from "next-intl";
import { fyLabel } from "@/domain/fiscal-year";
import { circledNumber, formatDate, formatRatio } from "@/domain/format";
import { LatestValue, Localized, TargetValue, useName } from "@/features/dashboard/components/figures";
import { RatingBadge } from "@/features/dashboard/components/rating-badge";
import { footnotesOf, projectRows, ratingCounts, ratingKinds, reportGroups } from "@/features/dashboard/model";
import type { FollowUpRow, PlanData, ProjectDef, RoundData } from "@/features/follow-up/model";

interface DeckProps {
  plan: PlanData;
  round: RoundData;
  rows: FollowUpRow[];
}

/** Quotes a text for CSS `content`. */
function cssString(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\s+/g, " ")}"`;
}

/**
 * The follow-up deck of a round: title, summary, the plan-wide ratings, and per project
 * the official table (flowing onto continuation slides, its header repeated) and a chart.
 * Page numbers, the footer and the draft mark are @page margin boxes, on every slide.
 */
export function Deck({ plan, round, rows }: DeckProps) {
  const t = useTranslations("Slides");
  const locale = useLocale();
  const name = useName();
  const year = fyLabel(round.fiscalYear, locale);
  const draft = round.status !== "final";
  const footer = t("footer", { plan: name(plan), year });
  const page = `
@page {
  size: 1280px 720px;
  margin: 36px 48px 48px;
  @bottom-left { content: ${cssString(footer)}; font: 12px "Noto Sans JP", sans-serif; color: #4d4d4d; }
  @bottom-right { content: counter(page) " / " counter(pages); font: 12px "Noto Sans JP", sans-serif; color: #4d4d4d; }
  ${draft ? `@top-right { content: ${cssString(t("draftLong"))}; font: bold 16px "Noto Sans JP", sans-serif; color: #ce0000; }` : ""}
}`;
  return (
    <div className="deck">
      <style>{page}</style>
      <TitleSlide plan={plan} round={round} draft={draft} />
      <SummarySlide plan={plan} round={round} draft={draft} />
      <RatingsSlide plan={plan} rows={rows} year={year} draft={draft} />
      {plan.projects.map((p) => (
        <ProjectSlides key={p.no} plan={plan} round={round} rows={rows} project={p} draft={draft} />
      ))}
    </div>
  );
}

function DraftMark({ draft }: { draft: boolean }) {
  const t = useTranslations("Slides");
  return draft ? <p className="slide__draft">{t("draft")}</p> : null;
}

function TitleSlide({ plan, round, draft }: { plan: PlanData; round: RoundData; draft: boolean }) {
  const t = useTranslations("Slides");
  const locale = useLocale();
  const name = useName();
  const year = fyLabel(round.fiscalYear, locale);
  const title = (locale === "ja" ? round.titleJa : round.titleEn) ?? t("title", { year });
  return (
    <section className="slide slide--title">
      <DraftMark draft={draft} />
      <h1>{title}</h1>
      <p className="slide__plan">{name(plan)}</p>
      {round.meetingNo !== null && round.meetingDate && <p>{t("meeting", { no: round.meetingNo, date: formatDate(round.meetingDate, locale) })}</p>}
      {round.asOfDate && <p>{t("asOf", { date: formatDate(round.asOfDate, locale) })}</p>}
    </section>
  );
}

function SummarySlide({ plan, round, draft }: { plan: PlanData; round: RoundData; draft: boolean }) {
  const t = useTranslations("Slides");
  const locale = useLocale();
  const name = useName();
  const year = fyLabel(round.fiscalYear, locale);
  return (
    <section className="slide">
      <DraftMark draft={draft} />
      {round.assessmentJa && (
        <>
          <h2 className="slide__title">{t("assessment")}</h2>
          <Localized ja={round.assessmentJa} en={round.assessmentEn} block />
        </>
      )}
      <table className="slide-table highlights-table">
        <thead>
          <tr className="slide-table__title">
            <th colSpan={2}>{t("summary", { year })}</th>
          </tr>
        </thead>
        <tbody>
          {round.highlights.map((h, i) => {
            const project = plan.projects.find((p) => p.no === h.projectNo);
            return (
              <tr key={i}>
                <th scope="row">{project ? `${circledNumber(project.no)} ${name(project)}` : ""}</th>
                <td>
                  <Localized ja={h.textJa} en={h.textEn} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function RatingsSlide({ plan, rows, year, draft }: { plan: PlanData; rows: FollowUpRow[]; year: string; draft: boolean }) {
  const t = useTranslations("Slides");
  const name = useName();
  const counts = plan.projects.map((p) => ({ p, c: ratingCounts(rows.filter((r) => r.projectNo === p.no)) }));
  const max = Math.max(...counts.map(({ c }) => c.A + c.B + c.none));
  return (
    <section className="slide">
      <DraftMark draft={draft} />
      <h2 className="slide__title">{t("ratingsTitle", { year })}</h2>
      <div className="stack">
        {counts.map(({ p, c }) => (
          <div key={p.no} style={{ display: "contents" }}>
            <div>
              {circledNumber(p.no)} {name(p)}
            </div>
            <div className="stack__bar">
              {(["A", "B", "none"] as const).map((k) =>
                c[k] > 0 ? (
                  <span key={k} className={k} style={{ width: `${(100 * c[k]) / max}%` }}>
                    {k === "none" ? "—" : k} {c[k]}
                  </span>
                ) : null,
              )}
            </div>
          </div>
        ))}
      </div>
      <p className="slide-notes">{t("ratingsNote")}</p>
      <RatingsKind rows={rows} />
    </section>
  );
}

/** Says where the ratings of the deck come from, when any is automatic. */
function RatingsKind({ rows }: { rows: FollowUpRow[] }) {
  const t = useTranslations("Rating");
  const kinds = ratingKinds(rows.map((r) => r.status));
  return kinds.automatic ? <p className="slide-notes">{t(kinds.decided ? "legendMixed" : "legendAutomatic")}</p> : null;
}

function ProjectSlides({ plan, round, rows, project, draft }: { plan: PlanData; round: RoundData; rows: FollowUpRow[]; project: ProjectDef; draft: boolean }) {
  const t = useTranslations("Slides");
  const tRating = useTranslations("Rating");
  const tr = useTranslations("Report");
  const locale = useLocale();
  const name = useName();
  const year = fyLabel(round.fiscalYear, locale);
  const { output, outcome } = projectRows(rows, project.no);
  const title = `${circledNumber(project.no)} ${t("tableTitle", { project: name(project) })}`;
  const notes = footnotesOf([round], [...output, ...outcome]);
  const kinds = ratingKinds([...output, ...outcome].map((r) => r.status));
  const targeted = [...output, ...outcome].filter(isRated);
  return (
    <>
      <section className="slide">
        <DraftMark draft={draft} />
        {[
          { heading: tr("outputs"), list: output },
          { heading: tr("outcomes"), list: outcome },
        ].map(({ heading, list }) =>
          list.length ? <SlideTable key={heading} title={`${title}　${heading}`} rows={list} plan={plan} fy={round.fiscalYear} /> : null,
        )}
        <ul className="slide-notes">
          {notes.map((f) => (
            <li key={`${f.marker}${f.textJa}`}>
              {t("notesHeading")}：{f.marker} <Localized ja={f.textJa} en={f.textEn} />
            </li>
          ))}
          <li>{t("noteLatest", { year })}</li>
          {kinds.automatic && <li>{tRating(kinds.decided ? "legendMixed" : "legendAutomatic")}</li>}
        </ul>
      </section>
      {targeted.length > 0 && (
        <section className="slide">
          <DraftMark draft={draft} />
          <h2 className="slide__title">{t("chartTitle", { project: `${circledNumber(project.no)} ${name(project)}`, year })}</h2>
          <AchievementBars rows={targeted} />
        </section>
      )}
    </>
  );
}

function SlideTable({ title, rows, plan, fy }: { title: string; rows: FollowUpRow[]; plan: PlanData; fy: number }) {
  const tr = useTranslations("Report");
  const locale = useLocale();
  const name = useName();
  const hasNotes = rows.some((r) => r.entry?.noteJa);
  const cols = hasNotes ? 6 : 5;
  return (
    <table className="slide-table">
      <thead>
        <tr className="slide-table__title">
          <th colSpan={cols}>{title}</th>
        </tr>
        <tr>
          <th scope="col" style={{ width: "24%" }}>
            {tr("colKpi")}
          </th>
          <th scope="col" style={{ width: "9%" }}>
            {tr("colTarget", { fy: String(plan.lastFy) })}
          </th>
          <th scope="col" style={{ width: "13%" }}>
            {tr("colLatest")}
          </th>
          <th scope="col" style={{ width: "6%" }}>
            {tr("colProgress")}
          </th>
          <th scope="col">{tr("colDetail")}</th>
          {hasNotes && (
            <th scope="col" style={{ width: "13%" }}>
              {tr("colNote")}
            </th>
          )}
        </tr>
      </thead>
      {reportGroups(rows).map((g, gi) => (
        <tbody key={gi}>
          {g.opensManagement && (
            <tr className="group">
              <th colSpan={cols}>{tr("managementSection")}</th>
            </tr>
          )}
          {g.ja && (
            <tr className="group">
              <th colSpan={cols}>○{locale === "ja" ? g.ja : g.en}</th>
            </tr>
          )}
          {g.rows.map((r) => (
            <tr key={r.code} className={r.parentCode ? "sub" : undefined}>
              <th scope="row">{name(r)}</th>
              <td className="num">
                <TargetValue row={r} />
              </td>
              <td className="num">
                <LatestValue row={r} plan={plan} fy={fy} />
              </td>
              <td className="center">{!r.parentCode && <RatingBadge rating={r.status.rating} basis={r.status.ratingBasis} />}</td>
              <td className="detail">{r.entry && <Localized ja={r.entry.detailJa} en={r.entry.detailEn} />}</td>
              {hasNotes && <td className="detail">{r.entry && <Localized ja={r.entry.noteJa} en={r.entry.noteEn} />}</td>}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

/** Achievement of target and of the pro-rata expectation, as bars up to 200% (100% in the middle). */
function AchievementBars({ rows }: { rows: FollowUpRow[] }) {
  const t = useTranslations("Slides");
  const tf = useTranslations("Figures");
  const locale = useLocale();
  const name = useName();
  const width = (ratio: number | null) => `${Math.min(100, ((ratio ?? 0) * 100) / 2)}%`;
  const label = (ratio: number | null) => (ratio === null ? tf("noData") : formatRatio(ratio, locale));
  return (
    <>
      <p className="bars__legend">
        <span className="bar bar--target">
          <span />
          {t("chartLegendTarget")}
        </span>
        <span className="bar bar--expected">
          <span />
          {t("chartLegendExpected")}
        </span>
        <span>{t("chartNote")}</span>
      </p>
      <div className="bars">
        {rows.map((r) => (
          <div key={r.code} style={{ display: "contents" }}>
            <div className={r.parentCode ? "bars__label bars__label--sub" : "bars__label"}>
              {name(r)} {!r.parentCode && <RatingBadge rating={r.status.rating} basis={r.status.ratingBasis} />}
            </div>
            <div className="bars__track">
              <div className="bar bar--target">
                <span style={{ width: width(r.status.achievementOfTarget) }} />
                {label(r.status.achievementOfTarget)}
              </div>
              <div className="bar bar--expected">
                <span style={{ width: width(r.status.achievement) }} />
                {label(r.status.achievement)}
              </div>
            </div>
          </div>
        ))}
      </div>
    </>
  );
}
