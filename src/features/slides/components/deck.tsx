import { isRated } from "@/domain/rating";
import { useLocale, useTranslations } from "next-intl";
import { countedYearLabel, fyLabel } from "@/domain/fiscal-year";
import { circledNumber, formatDate, formatFigure, formatRatio, formatTarget, projectMark } from "@/domain/format";
import { LatestValue, Localized, TargetValue, useBreakdownText, useLocalizedText, useName } from "@/features/dashboard/components/figures";
import { RatingBadge } from "@/features/dashboard/components/rating-badge";
import { figureFormat, footnotesOf, projectRows, ratingCounts, ratingKinds, reportGroups } from "@/features/dashboard/model";
import type { FollowUpRow, PlanData, ProjectDef, RoundData } from "@/features/follow-up/model";
import {
  achievementScale,
  deckSections,
  lineCount,
  notesHeight,
  paginate,
  rowHeight,
  SLIDE_HEIGHT,
  SLIDE_WIDTH,
  TABLE_STYLE,
  tableColumns,
  type Column,
  type ColumnKey,
  type FlowUnit,
  type RowTexts,
} from "@/features/slides/model";

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
 * The follow-up deck of a round: title, summary, the plan-wide ratings, the plan-wide KPIs'
 * tables and chart (when the plan has any), and per project the official table (flowing
 * onto continuation slides, its header repeated) and a chart.
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
      {/* The page boxes' texts, laid out once unseen: a glyph of the footer that no slide shows in
          regular weight (推 of 第３期…推進計画) has its font loaded before the PDF is printed. */}
      <p className="deck__glyphs" aria-hidden="true">
        {footer}
      </p>
      <TitleSlide plan={plan} round={round} draft={draft} />
      <SummarySlide plan={plan} round={round} draft={draft} />
      <RatingsSlide plan={plan} rows={rows} year={year} draft={draft} />
      {deckSections(plan.projects, rows).map((p) => (
        <ProjectSlides key={p?.no ?? "plan-wide"} plan={plan} round={round} rows={rows} project={p} draft={draft} />
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
  const text = useLocalizedText();
  const tp = useTranslations("PlanWide");
  const projectName = (no: number | null) => {
    if (no === null) return tp("projectName");
    const project = plan.projects.find((p) => p.no === no);
    return project ? `${circledNumber(project.no)} ${name(project)}` : "";
  };
  const [thShare, tdShare] = [0.24, 0.76];
  const s = TABLE_STYLE;
  const units: FlowUnit[] = round.highlights.map((h) => ({
    table: 0,
    rows: 1,
    height: Math.ceil(
      Math.max(
        lineCount(projectName(h.projectNo), thShare * SLIDE_WIDTH - s.padX, s.fontSize) * s.fontSize * s.lineHeight,
        lineCount(text(h.textJa, h.textEn), tdShare * SLIDE_WIDTH - s.padX, 14) * 14 * s.lineHeight,
      ) + s.padY,
    ),
  }));
  const assessment = round.assessmentJa ? text(round.assessmentJa, round.assessmentEn) : null;
  const slides = paginate(units, {
    capacity: CAPACITY,
    tableHeight: s.title + s.gap,
    leadHeight: assessment ? SLIDE_TITLE + lineCount(assessment, SLIDE_WIDTH, 15) * 15 * 1.5 + 30 : 0,
  });
  return (
    <>
      {(slides.length ? slides : [{ start: 0, end: 0 }]).map((slide, i) => (
        <section key={i} className="slide">
          <DraftMark draft={draft} />
          {i === 0 && round.assessmentJa && (
            <>
              <h2 className="slide__title">{t("assessment")}</h2>
              <Localized ja={round.assessmentJa} en={round.assessmentEn} block />
            </>
          )}
          <table className="slide-table highlights-table">
            <colgroup>
              <col style={{ width: `${thShare * 100}%` }} />
              <col style={{ width: `${tdShare * 100}%` }} />
            </colgroup>
            <thead>
              <tr className="slide-table__title">
                <th colSpan={2}>{t(i === 0 ? "summary" : "summaryContinued", { year })}</th>
              </tr>
            </thead>
            <tbody>
              {round.highlights.slice(slide.start, slide.end).map((h, j) => (
                <tr key={j}>
                  <th scope="row">{projectName(h.projectNo)}</th>
                  <td>
                    <Localized ja={h.textJa} en={h.textEn} />
                  </td>
                </tr>
              ))}
              {round.highlights.length === 0 && (
                <tr>
                  <td colSpan={2}>{t("noHighlights")}</td>
                </tr>
              )}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

function RatingsSlide({ plan, rows, year, draft }: { plan: PlanData; rows: FollowUpRow[]; year: string; draft: boolean }) {
  const t = useTranslations("Slides");
  const tp = useTranslations("PlanWide");
  const locale = useLocale();
  const name = useName();
  // The plan-wide KPIs (when there are any) first, as a row of their own, then each project.
  const counts = deckSections(plan.projects, rows).map((p) => ({
    key: p?.no ?? "plan-wide",
    label: p ? `${circledNumber(p.no)} ${name(p)}` : tp("projectName"),
    mark: projectMark(p?.no ?? null, locale),
    c: ratingCounts(rows.filter((r) => r.projectNo === (p?.no ?? null))),
  }));
  const planWide = counts.some((x) => x.key === "plan-wide");
  const max = Math.max(...counts.map(({ c }) => c.A + c.B + c.none));
  const total = { A: 0, B: 0, none: 0 };
  for (const { c } of counts) for (const k of ["A", "B", "none"] as const) total[k] += c[k];
  return (
    <section className="slide">
      <DraftMark draft={draft} />
      <h2 className="slide__title">{t("ratingsTitle", { year })}</h2>
      <p className="stack__legend">
        <span>
          <span className="stack__key A">A</span>
          {t("ratingsLegendA")}
        </span>
        <span>
          <span className="stack__key B">B</span>
          {t("ratingsLegendB")}
        </span>
        <span>
          <span className="stack__key none">—</span>
          {t("ratingsLegendNone")}
        </span>
      </p>
      <div className="ratings">
        {/* more rows than the 2nd plan's six projects (the 3rd plan's eight and its plan-wide KPIs): closer together */}
        <div className={counts.length > 6 ? "stack stack--compact" : "stack"}>
          {counts.map(({ key, label, c }) => (
            <div key={key} style={{ display: "contents" }}>
              <div>{label}</div>
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
        <table className="slide-table ratings-table">
          <thead>
            <tr>
              <th scope="col">{t("ratingsProject")}</th>
              <th scope="col">A</th>
              <th scope="col">B</th>
              <th scope="col">—</th>
              <th scope="col">{t("ratingsTotal")}</th>
            </tr>
          </thead>
          <tbody>
            {[...counts, { key: "total", mark: null, c: total }].map(({ key, mark, c }) => (
              <tr key={key} className={mark === null ? "total" : undefined}>
                <th scope="row">{mark ?? t("ratingsTotal")}</th>
                <td className="num">{c.A}</td>
                <td className="num">{c.B}</td>
                <td className="num">{c.none}</td>
                <td className="num">{c.A + c.B + c.none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="slide-notes">{t("ratingsNote")}</p>
      {planWide && <p className="slide-notes">{tp("ratingsNote")}</p>}
      <RatingsKind plan={plan} rows={rows} />
    </section>
  );
}

/** The note that says where automatic ratings come from: the plan's rule (pro rata, or annual targets). */
function useRatingLegend(plan: PlanData) {
  const tRating = useTranslations("Rating");
  const tRule = useTranslations("RatingRule");
  return (legend: "legendAutomatic" | "legendMixed") => (plan.ratingRule === "annual_targets" ? tRule(legend) : tRating(legend));
}

/** Says where the ratings of the deck come from, when any is automatic. */
function RatingsKind({ plan, rows }: { plan: PlanData; rows: FollowUpRow[] }) {
  const legendText = useRatingLegend(plan);
  const kinds = ratingKinds(rows.map((r) => r.status));
  return kinds.legend ? <p className="slide-notes">{legendText(kinds.legend)}</p> : null;
}

/** The room a slide gives its content, less a margin for what the estimates miss. */
const CAPACITY = SLIDE_HEIGHT - 16;
/** A slide title (26px, its rule and margin). */
const SLIDE_TITLE = 64;

/** A project's rows in units that never split: a KPI with its sub-targets. */
function projectUnits(tables: FollowUpRow[][], height: (r: FollowUpRow) => number) {
  const units: (FlowUnit & { items: FollowUpRow[] })[] = [];
  tables.forEach((list, table) => {
    for (const r of list) {
      const last = units.at(-1);
      if (r.parentCode && last && last.table === table && last.items[0].code === r.parentCode) {
        last.items.push(r);
        last.rows++;
        last.height += height(r);
      } else units.push({ table, rows: 1, height: height(r), group: r.groupJa, management: r.management, items: [r] });
    }
  });
  return units;
}

/** A project's slides, or with project null the plan-wide KPIs': tables, then a chart. */
function ProjectSlides({
  plan,
  round,
  rows,
  project,
  draft,
}: {
  plan: PlanData;
  round: RoundData;
  rows: FollowUpRow[];
  project: ProjectDef | null;
  draft: boolean;
}) {
  const t = useTranslations("Slides");
  const tp = useTranslations("PlanWide");
  const legendText = useRatingLegend(plan);
  const tr = useTranslations("Report");
  const tf = useTranslations("Figures");
  const locale = useLocale();
  const name = useName();
  const singleYears = useBreakdownText();
  const year = fyLabel(round.fiscalYear, locale);
  const text = useLocalizedText();
  const { output, outcome } = projectRows(rows, project?.no ?? null);
  const mine = [...output, ...outcome];
  const title = project ? `${circledNumber(project.no)} ${t("tableTitle", { project: name(project) })}` : t("tableTitle", { project: tp("projectName") });
  const chartOf = project ? `${circledNumber(project.no)} ${name(project)}` : tp("projectName");
  // Under annual_targets a count's target shows the sum of its annual targets to date; a
  // KPI counted by calendar year says so after its name. Both are explained in the notes.
  const label = rowLabels({ calendar: tp("slideCalendar"), toDate: (target) => tp("slideTargetToDate", { target }) }, locale);
  const calendar = mine.some((r) => r.counting === "calendar_year");
  const toDate = mine.some((r) => label(r).targetNote !== undefined);
  const planNotes = [
    ...(toDate ? [tp("slideNoteAnnual", { year, years: plan.lastFy - plan.firstFy + 1 })] : []),
    ...(calendar ? [tp("slideNoteCalendar", { fy: year, year: countedYearLabel(round.fiscalYear, "calendar_year", locale) })] : []),
  ];
  const notes = footnotesOf([round], mine);
  const kinds = ratingKinds(mine.map((r) => r.status));
  const targeted = mine.filter(isRated);
  // One set of columns for every table of the project, so that stacked tables line up.
  // A table whose ratings are all automatic heads its column 進捗（自動判定）: the column has room for it when any rating is.
  const columns = tableColumns({ detail: mine.some((r) => r.entry?.detailJa), note: mine.some((r) => r.entry?.noteJa), automatic: kinds.legend !== null });
  const rowTexts = (r: FollowUpRow): RowTexts => ({
    kpi: label(r).name,
    sub: r.parentCode !== null,
    target: r.target === null ? "—" : formatTarget(r.target, r.targetQualifier, figureFormat(r), locale),
    targetNote: label(r).targetNote,
    latest: `${r.status.cumulative.value === null ? tf("noData") : formatFigure(r.status.cumulative.value, figureFormat(r), locale)}${r.markers.join("")}`,
    breakdown: singleYears(r, plan, round.fiscalYear) ?? undefined,
    detail: text(r.entry?.detailJa, r.entry?.detailEn),
    note: text(r.entry?.noteJa, r.entry?.noteEn),
  });
  const tables = [
    { heading: tr("outputs"), list: output },
    { heading: tr("outcomes"), list: outcome },
  ].filter((x) => x.list.length > 0);
  const units = projectUnits(
    tables.map((x) => x.list),
    (r) => rowHeight(rowTexts(r), columns),
  );
  const noteLines = [
    ...notes.map((f) => `${t("notesLabel")}${f.marker} ${text(f.textJa, f.textEn)}`),
    t("noteLatest", { year }),
    ...planNotes,
    ...(kinds.legend ? [legendText(kinds.legend)] : []),
  ];
  const s = TABLE_STYLE;
  const flow = {
    capacity: CAPACITY,
    tableHeight: s.title + s.header + s.gap,
    groupHeight: s.group,
    managementHeight: s.group,
    tailHeight: notesHeight(noteLines),
  };
  const slides = paginate(units, flow);
  return (
    <>
      {slides.map((slide, i) => (
        <section key={i} className="slide">
          <DraftMark draft={draft} />
          {tables.map(({ heading, list }, ti) => {
            const piece = units.slice(slide.start, slide.end).filter((u) => u.table === ti);
            if (piece.length === 0) return null;
            const continued = piece[0].items[0] !== list[0];
            const caption = t("tablePart", { title, part: heading }) + (continued ? t("continued") : "");
            return (
              <SlideTable
                key={heading}
                title={caption}
                rows={piece.flatMap((u) => u.items)}
                columns={columns}
                plan={plan}
                fy={round.fiscalYear}
                label={label}
              />
            );
          })}
          {slide.end === units.length && (
            <ul className="slide-notes">
              {notes.map((f) => (
                <li key={`${f.marker}${f.textJa}`}>
                  {t("notesLabel")}
                  {f.marker} <Localized ja={f.textJa} en={f.textEn} />
                </li>
              ))}
              <li>{t("noteLatest", { year })}</li>
              {planNotes.map((n) => (
                <li key={n}>{n}</li>
              ))}
              {kinds.legend && <li>{legendText(kinds.legend)}</li>}
            </ul>
          )}
        </section>
      ))}
      {targeted.length > 0 && (
        <AchievementSlides
          rows={targeted}
          title={plan.ratingRule === "annual_targets" ? tp("chartTitle", { project: chartOf, year }) : t("chartTitle", { project: chartOf, year })}
          lastYear={round.fiscalYear >= plan.lastFy}
          annual={plan.ratingRule === "annual_targets"}
          draft={draft}
        />
      )}
    </>
  );
}

/** What a table row says beyond the official table's: its name (with （暦年） for a calendar-year KPI), and a note under its target. */
type RowLabel = (r: FollowUpRow) => { name: string; targetNote?: string };

/**
 * The row labels of a plan's tables: a KPI counted by calendar year is marked after its name,
 * and under annual_targets a count's target has the sum of its annual targets to date under it.
 * The 2nd plan (pro rata, fiscal years) gets neither.
 */
function rowLabels(text: { calendar: string; toDate: (target: string) => string }, locale: "ja" | "en"): RowLabel {
  return (r) => {
    const name = locale === "ja" ? r.nameJa : r.nameEn;
    const toDate = r.status.annual && r.measure === "count" && r.status.expected !== null;
    return {
      name: r.counting === "calendar_year" ? `${name}${text.calendar}` : name,
      targetNote: toDate ? text.toDate(formatFigure(r.status.expected!, figureFormat(r), locale)) : undefined,
    };
  };
}

function SlideTable({
  title,
  rows,
  columns,
  plan,
  fy,
  label,
}: {
  title: string;
  rows: FollowUpRow[];
  columns: Column[];
  plan: PlanData;
  fy: number;
  label: RowLabel;
}) {
  const tr = useTranslations("Report");
  const locale = useLocale();
  const cols = columns.length;
  const has = (key: ColumnKey) => columns.some((c) => c.key === key);
  const headings: Record<ColumnKey, string> = {
    kpi: tr("colKpi"),
    target: tr("colTarget", { fy: String(plan.lastFy) }),
    latest: tr("colLatest"),
    progress: tr(ratingKinds(rows.map((r) => r.status)).onlyAutomatic ? "colProgressAutomatic" : "colProgress"),
    detail: tr("colDetail"),
    note: tr("colNote"),
  };
  return (
    <table className="slide-table slide-table--fixed">
      <colgroup>
        {columns.map((c) => (
          <col key={c.key} style={{ width: `${c.share * 100}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr className="slide-table__title">
          <th colSpan={cols}>{title}</th>
        </tr>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col">
              {headings[c.key]}
            </th>
          ))}
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
              <th scope="row">{label(r).name}</th>
              <td className="num">
                <TargetValue row={r} />
                {label(r).targetNote && <span className="target-note">{label(r).targetNote}</span>}
              </td>
              <td className="num">
                <LatestValue row={r} plan={plan} fy={fy} />
              </td>
              <td className="center">{!r.parentCode && <RatingBadge rating={r.status.rating} basis={r.status.ratingBasis} />}</td>
              {has("detail") && <td className="detail">{r.entry && <Localized ja={r.entry.detailJa} en={r.entry.detailEn} />}</td>}
              {has("note") && <td className="detail">{r.entry && <Localized ja={r.entry.noteJa} en={r.entry.noteEn} />}</td>}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

/** The chart slides of a project: as many as its rows need, balanced. */
function AchievementSlides({
  rows,
  title,
  lastYear,
  annual,
  draft,
}: {
  rows: FollowUpRow[];
  title: string;
  lastYear: boolean;
  annual: boolean;
  draft: boolean;
}) {
  const name = useName();
  const s = TABLE_STYLE;
  const units: FlowUnit[] = rows.map((r) => ({
    table: 0,
    rows: 1,
    // the badge after the name takes about two characters
    height: Math.ceil(Math.max(lineCount(`${name(r)}ＡＡ`, BAR_LABEL_SHARE * SLIDE_WIDTH - 40, s.fontSize) * s.fontSize * 1.35, lastYear ? 20 : 39) + BAR_GAP),
  }));
  const slides = paginate(units, { capacity: CAPACITY, tableHeight: 0, slideHeight: SLIDE_TITLE + BAR_LEGEND + BAR_AXIS });
  const scale = achievementScale(rows.flatMap((r) => [r.status.achievementOfTarget, r.status.achievement]));
  return (
    <>
      {slides.map((slide, i) => (
        <section key={i} className="slide">
          <DraftMark draft={draft} />
          <h2 className="slide__title">{title}</h2>
          <AchievementBars rows={rows.slice(slide.start, slide.end)} scale={scale} lastYear={lastYear} annual={annual} />
        </section>
      ))}
    </>
  );
}

/** The share of a chart slide the labels take, the gap between rows, the legend and the axis (px). */
const BAR_LABEL_SHARE = 0.36;
const BAR_GAP = 10;
const BAR_LEGEND = 50;
const BAR_AXIS = 28;

/**
 * Achievement of target and of the pro-rata expectation, as bars on a logarithmic scale
 * (100% at a fixed place, marked), with the figures in a column of their own. In the plan's
 * last year the two are the same figure: one bar.
 */
function AchievementBars({
  rows,
  scale,
  lastYear,
  annual,
}: {
  rows: FollowUpRow[];
  scale: ReturnType<typeof achievementScale>;
  lastYear: boolean;
  /** the plan is rated against annual targets: the second bar is of their sum to date, not of the pro-rata expectation */
  annual: boolean;
}) {
  const t = useTranslations("Slides");
  const tp = useTranslations("PlanWide");
  const tf = useTranslations("Figures");
  const locale = useLocale();
  const name = useName();
  const at = (ratio: number | null) => `${(scale.position(ratio) * 100).toFixed(2)}%`;
  const label = (ratio: number | null) => (ratio === null ? tf("noData") : formatRatio(ratio, locale));
  return (
    <>
      <p className="bars__legend">
        <span className="bar bar--target">
          <span />
          {lastYear ? (annual ? tp("chartLegendSame") : t("chartLegendSame")) : t("chartLegendTarget")}
        </span>
        {!lastYear && (
          <span className="bar bar--expected">
            <span />
            {annual ? tp("chartLegendExpected") : t("chartLegendExpected")}
          </span>
        )}
        <span>{t("chartScale", { min: formatRatio(scale.min, locale), max: formatRatio(scale.max, locale) })}</span>
      </p>
      <div className="bars">
        <div />
        <div className="bars__axis">
          {scale.ticks.map((tick) => (
            <span key={tick} className={tick === 1 ? "bars__tick bars__tick--100" : "bars__tick"} style={{ left: at(tick) }}>
              {formatRatio(tick, locale)}
            </span>
          ))}
        </div>
        <div />
        {rows.map((r) => (
          <div key={r.code} style={{ display: "contents" }}>
            <div className={r.parentCode ? "bars__label bars__label--sub" : "bars__label"}>
              {name(r)} {!r.parentCode && <RatingBadge rating={r.status.rating} basis={r.status.ratingBasis} />}
            </div>
            <div className="bars__track" style={{ ["--one" as string]: at(1) }}>
              {scale.ticks.map((tick) => (
                <span key={tick} className="bars__grid" style={{ left: at(tick) }} />
              ))}
              <div className="bar bar--target">
                <span style={{ width: at(r.status.achievementOfTarget) }} />
              </div>
              {!lastYear && (
                <div className="bar bar--expected">
                  <span style={{ width: at(r.status.achievement) }} />
                </div>
              )}
            </div>
            <div className="bars__values">
              <span>{label(r.status.achievementOfTarget)}</span>
              {!lastYear && <span>{label(r.status.achievement)}</span>}
            </div>
          </div>
        ))}
      </div>
    </>
  );
}
