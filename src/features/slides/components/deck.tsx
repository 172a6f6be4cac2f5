import { useLocale, useTranslations } from "next-intl";
import type { LocalizedText } from "@/features/dashboard/model";
import { RatingBadge } from "@/features/dashboard/components/rating-badge";
import type { FollowUpRow, PlanData, RoundData } from "@/features/follow-up/model";
import { deckModel, type DeckRow, type DeckSlide, type DeckTable } from "@/features/slides/model";

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
 * The follow-up deck of a round, as HTML for the PDF: it renders the deck's model
 * (`deckModel`), which the PowerPoint deck renders too. Page numbers, the footer and the
 * draft mark are @page margin boxes, on every slide.
 */
export function Deck({ plan, round, rows }: DeckProps) {
  const locale = useLocale();
  const t = useTranslations();
  const deck = deckModel(plan, round, rows, locale, t);
  const page = `
@page {
  size: 1280px 720px;
  margin: 36px 48px 48px;
  @bottom-left { content: ${cssString(deck.footer)}; font: 12px "Noto Sans JP", sans-serif; color: #4d4d4d; }
  @bottom-right { content: counter(page) " / " counter(pages); font: 12px "Noto Sans JP", sans-serif; color: #4d4d4d; }
  ${deck.draft ? `@top-right { content: ${cssString(deck.draftLong)}; font: bold 16px "Noto Sans JP", sans-serif; color: #ce0000; }` : ""}
}`;
  return (
    <div className="deck">
      <style>{page}</style>
      {/* The page boxes' texts, laid out once unseen: a glyph of the footer that no slide shows in
          regular weight (推 of 第３期…推進計画) has its font loaded before the PDF is printed. */}
      <p className="deck__glyphs" aria-hidden="true">
        {deck.footer}
      </p>
      {deck.slides.map((slide, i) => (
        <section key={i} className={slide.kind === "title" ? "slide slide--title" : "slide"}>
          {deck.draft && <p className="slide__draft">{deck.draftMark}</p>}
          <SlideBody slide={slide} />
        </section>
      ))}
    </div>
  );
}

function SlideBody({ slide }: { slide: DeckSlide }) {
  switch (slide.kind) {
    case "title":
      return (
        <>
          <h1>{slide.title}</h1>
          <p className="slide__plan">{slide.plan}</p>
          {slide.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
          {slide.evaluation && (
            <div className="slide__evaluation">
              <h2>{slide.evaluation.heading}</h2>
              <Text text={slide.evaluation.text} block />
            </div>
          )}
        </>
      );
    case "summary":
      return (
        <>
          <table className="slide-table highlights-table">
            <colgroup>
              {slide.shares.map((share, i) => (
                <col key={i} style={{ width: `${share * 100}%` }} />
              ))}
            </colgroup>
            <thead>
              <tr className="slide-table__title">
                <th colSpan={2}>{slide.title}</th>
              </tr>
            </thead>
            <tbody>
              {slide.rows.map((h, j) => (
                <tr key={j}>
                  <th scope="row">{h.label}</th>
                  <td>
                    <Text text={h.text} />
                  </td>
                </tr>
              ))}
              {slide.empty && (
                <tr>
                  <td colSpan={2}>{slide.empty}</td>
                </tr>
              )}
            </tbody>
          </table>
        </>
      );
    case "ratings":
      return <RatingsSlide slide={slide} />;
    case "table":
      return (
        <>
          {slide.tables.map((table) => (
            <SlideTable key={table.title} table={table} />
          ))}
          {slide.notes.length > 0 && (
            <ul className="slide-notes">
              {slide.notes.map((n, i) => (
                <li key={i}>
                  {n.label}
                  <Text text={n.text} />
                </li>
              ))}
            </ul>
          )}
        </>
      );
    case "chart":
      return <ChartSlide slide={slide} />;
  }
}

/** A text of the model; one given in Japanese to an English reader is marked so. */
function Text({ text, block = false }: { text: LocalizedText | null; block?: boolean }) {
  const Tag = block ? "p" : "span";
  if (!text) return null;
  if (!text.lang) return <Tag>{text.text}</Tag>;
  return (
    <Tag lang={text.lang}>
      {text.text}{" "}
      <span lang="en" className="muted">
        {text.note}
      </span>
    </Tag>
  );
}

function RatingsSlide({ slide }: { slide: Extract<DeckSlide, { kind: "ratings" }> }) {
  return (
    <>
      <h2 className="slide__title">{slide.title}</h2>
      <p className="stack__legend">
        {(["A", "B", "none"] as const).map((k) => (
          <span key={k}>
            <span className={`stack__key ${k}`}>{k === "none" ? "—" : k}</span>
            {slide.legend[k]}
          </span>
        ))}
      </p>
      <div className="ratings">
        <div className={slide.compact ? "stack stack--compact" : "stack"}>
          {slide.bars.map(({ key, label, counts, empty }) => (
            <div key={key} style={{ display: "contents" }}>
              <div>{label}</div>
              <div className="stack__bar">
                {empty && <p className="stack__empty">{empty}</p>}
                {(["A", "B", "none"] as const).map((k) =>
                  counts[k] > 0 ? (
                    <span key={k} className={k} style={{ width: `${(100 * counts[k]) / slide.max}%` }}>
                      {k === "none" ? "—" : k} {counts[k]}
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
              <th scope="col">{slide.headings.project}</th>
              <th scope="col">A</th>
              <th scope="col">B</th>
              <th scope="col">—</th>
              <th scope="col">{slide.headings.total}</th>
            </tr>
          </thead>
          <tbody>
            {slide.table.map(({ key, label, total, counts }) => (
              <tr key={key} className={total ? "total" : undefined}>
                <th scope="row">{label}</th>
                <td className="num">{counts.A}</td>
                <td className="num">{counts.B}</td>
                <td className="num">{counts.none}</td>
                <td className="num">{counts.A + counts.B + counts.none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {slide.notes.map((note) => (
        <p key={note} className="slide-notes">
          {note}
        </p>
      ))}
    </>
  );
}

function SlideTable({ table }: { table: DeckTable }) {
  const cols = table.columns.length;
  const has = (key: string) => table.columns.some((c) => c.key === key);
  return (
    <table className="slide-table slide-table--fixed">
      <colgroup>
        {table.columns.map((c) => (
          <col key={c.key} style={{ width: `${c.share * 100}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr className="slide-table__title">
          <th colSpan={cols}>{table.title}</th>
        </tr>
        <tr>
          {table.columns.map((c) => (
            <th key={c.key} scope="col">
              {c.heading}
            </th>
          ))}
        </tr>
      </thead>
      {table.groups.map((g, gi) => (
        <tbody key={gi}>
          {g.management && (
            <tr className="group">
              <th colSpan={cols}>{g.management}</th>
            </tr>
          )}
          {g.group && (
            <tr className="group">
              <th colSpan={cols}>{g.group}</th>
            </tr>
          )}
          {g.rows.map((r) => (
            <tr key={r.code} className={r.sub ? "sub" : undefined}>
              <th scope="row">{r.name}</th>
              <td className="num">
                <Target row={r} />
                {r.targetNote && <span className="target-note">{r.targetNote}</span>}
              </td>
              <td className="num">
                <span className="figure">{r.latest.figure}</span>
                {r.latest.markers && <span className="marker">{r.latest.markers}</span>}
                {r.latest.breakdown && <span className="breakdown">{r.latest.breakdown}</span>}
              </td>
              <td className="center">{r.rating && <RatingBadge rating={r.rating.rating} basis={r.rating.basis} />}</td>
              {has("detail") && (
                <td className="detail">
                  <Text text={r.detail} />
                </td>
              )}
              {has("note") && (
                <td className="detail">
                  <Text text={r.note} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

function Target({ row }: { row: DeckRow }) {
  const t = useTranslations("Figures");
  if (row.target !== null) return <>{row.target}</>;
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{t("noTarget")}</span>
    </>
  );
}

/**
 * Achievement of target and of the expectation to date, as bars on a logarithmic scale
 * (100% at a fixed place, marked), with the figures in a column of their own.
 */
function ChartSlide({ slide }: { slide: Extract<DeckSlide, { kind: "chart" }> }) {
  const at = (position: number) => `${(position * 100).toFixed(2)}%`;
  return (
    <>
      <h2 className="slide__title">{slide.title}</h2>
      <p className="bars__legend">
        <span className="bar bar--target">
          <span />
          {slide.legend.target}
        </span>
        {slide.legend.expected && (
          <span className="bar bar--expected">
            <span />
            {slide.legend.expected}
          </span>
        )}
        <span>{slide.legend.scale}</span>
        {slide.legend.below && (
          <span className="bar bar--below">
            <span />
            {slide.legend.below}
          </span>
        )}
      </p>
      <div className="bars">
        <div />
        <div className="bars__axis">
          {slide.ticks.map((tick) => (
            <span key={tick.ratio} className={tick.ratio === 1 ? "bars__tick bars__tick--100" : "bars__tick"} style={{ left: at(tick.position) }}>
              {tick.label}
            </span>
          ))}
        </div>
        <div />
        {slide.rows.map((r) => (
          <div key={r.code} style={{ display: "contents" }}>
            <div className={r.sub ? "bars__label bars__label--sub" : "bars__label"}>
              {r.name} {r.rating && <RatingBadge rating={r.rating.rating} basis={r.rating.basis} />}
            </div>
            <div className="bars__track" style={{ ["--one" as string]: at(slide.one) }}>
              {slide.ticks.map((tick) => (
                <span key={tick.ratio} className="bars__grid" style={{ left: at(tick.position) }} />
              ))}
              {/* no figure: no bar; a figure at or below the axis start: a short mark there */}
              {r.bars.map((b) => (
                <div key={b.kind} className={b.below ? `bar bar--${b.kind} bar--below` : `bar bar--${b.kind}`}>
                  {b.position !== null && <span style={b.below ? undefined : { width: at(b.position) }} />}
                </div>
              ))}
            </div>
            <div className="bars__values">
              {r.bars.map((b) => (
                <span key={b.kind}>{b.label}</span>
              ))}
            </div>
          </div>
        ))}
      </div>
      {slide.notes.map((note) => (
        <p key={note} className="slide-notes bars__notes">
          {note}
        </p>
      ))}
    </>
  );
}
