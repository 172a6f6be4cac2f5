import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Translate } from "@/features/dashboard/model";
import { kpiDef } from "../../../tests/support/kpi-def";
import { followUpAt, type KpiDef, type PlanData, type ProjectDef, type RoundData } from "@/features/follow-up/model";
import {
  achievementScale,
  deckModel,
  deckSections,
  flowHeight,
  lineCount,
  notesHeight,
  paginate,
  rowHeight,
  SLIDE_HEIGHT,
  TABLE_STYLE,
  tableColumns,
  textEm,
  type FlowOptions,
  type FlowUnit,
} from "@/features/slides/model";

describe("text widths and lines", () => {
  it("counts a CJK character as 1 em and Latin letters as less", () => {
    expect(textEm("医薬品")).toBe(3);
    expect(textEm("（概要）")).toBe(4);
    expect(textEm("abc")).toBeLessThan(2);
  });

  it("wraps CJK text by characters and Latin text by whole words", () => {
    // 13px characters in 137px: 10 a line (with half an em of slack)
    expect(lineCount("医".repeat(20), 137, 13)).toBe(2);
    expect(lineCount("医".repeat(21), 137, 13)).toBe(3);
    expect(lineCount("", 130, 13)).toBe(0);
    // two words of about 4.3 em in a 6 em line: the second moves to the next line whole
    expect(lineCount("abcdefgh abcdefgh", 84, 13)).toBe(2);
    expect(lineCount("abcdefgh", 84, 13)).toBe(1);
  });
});

describe("the columns of a project's tables", () => {
  it("drops 進捗の詳細 when the round has no narratives and gives the names the room", () => {
    const withDetail = tableColumns({ detail: true, note: false });
    const without = tableColumns({ detail: false, note: false });
    expect(without.map((c) => c.key)).toEqual(["kpi", "target", "latest", "progress"]);
    expect(without[0].share).toBeGreaterThan(withDetail[0].share);
  });

  it("adds up to the whole width in every variant", () => {
    for (const detail of [true, false])
      for (const note of [true, false]) {
        const total = tableColumns({ detail, note }).reduce((s, c) => s + c.share, 0);
        expect(total).toBeCloseTo(1, 6);
      }
  });

  it("makes a row with a long narrative taller than one without", () => {
    const columns = tableColumns({ detail: true, note: false });
    const base = { kpi: "非臨床POCの取得件数", target: "25件", latest: "128件", breakdown: "（45/36/47）" };
    expect(rowHeight({ ...base, detail: "がん".repeat(120) }, columns)).toBeGreaterThan(rowHeight(base, columns) + 40);
  });
});

const unit = (table: number, height = 50, extra: Partial<FlowUnit> = {}): FlowUnit => ({ table, height, rows: 1, ...extra });
const options: FlowOptions = { capacity: 600, tableHeight: 100, groupHeight: 30, managementHeight: 30, tailHeight: 40 };

describe("pagination", () => {
  it("puts what fits on one slide", () => {
    const units = [unit(0), unit(0), unit(1)];
    expect(paginate(units, options)).toEqual([{ start: 0, end: 3 }]);
  });

  it("balances rows across slides instead of leaving one row alone", () => {
    // 11 rows of 50: 100 + 11 × 50 + 40 = 690 > 600; greedy would leave one or two rows on slide 2
    const units = Array.from({ length: 11 }, () => unit(0));
    const slides = paginate(units, options);
    expect(slides).toHaveLength(2);
    const sizes = slides.map((s) => s.end - s.start);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(5);
  });

  it("never leaves the notes alone on a slide: they go with the last rows", () => {
    const units = Array.from({ length: 10 }, () => unit(0)); // 100 + 500 = 600 exactly, notes do not fit
    const slides = paginate(units, options);
    expect(slides.at(-1)!.end).toBe(10);
    expect(slides.at(-1)!.end - slides.at(-1)!.start).toBeGreaterThanOrEqual(3);
  });

  it("counts the headings a continuation slide repeats", () => {
    const units = [unit(0, 50, { group: "g", management: true }), unit(0, 50, { group: "g", management: true })];
    // table chrome + （その他管理指標） + ○g + two rows
    expect(flowHeight(units, 0, 2, { ...options, tailHeight: 0 })).toBe(100 + 30 + 30 + 100);
    expect(flowHeight(units, 1, 2, { ...options, tailHeight: 0 })).toBe(100 + 30 + 30 + 50);
  });

  it("keeps at least two rows of a table on each side of a break", () => {
    // table 0 has 2 rows, table 1 has 9: a break inside table 1 leaves ≥ 2 rows on each slide
    const units = [unit(0), unit(0), ...Array.from({ length: 9 }, () => unit(1))];
    for (const s of paginate(units, options)) {
      const t1 = units.slice(s.start, s.end).filter((u) => u.table === 1).length;
      expect(t1 === 0 || t1 >= 2).toBe(true);
    }
  });

  it("gives an over-tall unit a slide of its own rather than looping", () => {
    const units = [unit(0, 900), unit(0)];
    expect(paginate(units, options).map(({ start, end }) => [start, end])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
});

describe("the achievement scale", () => {
  it("is logarithmic, with 100% at a fixed place and 10% at the start", () => {
    const s = achievementScale([0.5, 1.2, 8.5]);
    expect(s.max).toBe(10);
    expect(s.position(0.1)).toBe(0);
    expect(s.position(1)).toBeCloseTo(0.5, 6); // 10% … 1,000%: 100% in the middle
    expect(s.position(10)).toBe(1);
    expect(s.position(null)).toBe(0);
  });

  it("tells apart ratios that a bar capped at 200% would draw alike", () => {
    const s = achievementScale([3.16, 8, 17.5]);
    expect(s.max).toBe(20);
    const [a, b, c] = [3.16, 8, 17.5].map(s.position);
    expect(b - a).toBeGreaterThan(0.1);
    expect(c - b).toBeGreaterThan(0.1);
    expect(c).toBeLessThanOrEqual(1);
  });

  it("keeps 200% as the smallest top, and labels 100%", () => {
    const s = achievementScale([0.3, 1.1]);
    expect(s.max).toBe(2);
    expect(s.ticks).toContain(1);
    expect(s.ticks.at(-1)).toBe(2);
  });
});

describe("continuations", () => {
  it("balances without leaving a continuation of fewer than three rows in the middle of a table", () => {
    // balanced at a lower capacity, three slides would go 3 / 2 / 3 (two tall rows in the middle)
    const units = [150, 150, 150, 180, 180, 150, 150, 150].map((h) => unit(0, h));
    const slides = paginate(units, { ...options, capacity: 620, tailHeight: 0 });
    expect(slides).toHaveLength(3);
    for (const [i, s] of slides.entries()) {
      const endsTable = s.end === units.length;
      if (i > 0 && !endsTable) expect(s.end - s.start).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("the progress column of automatic ratings", () => {
  it("is wide enough for 進捗（自動判定） next to a narrative, taking the room from it, and is as before otherwise", () => {
    const share = (o: Parameters<typeof tableColumns>[0], key: string) => tableColumns(o).find((c) => c.key === key)?.share;
    expect(share({ detail: true, note: false, automatic: true }, "progress")).toBeCloseTo(0.09, 6);
    expect(share({ detail: true, note: false, automatic: true }, "detail")).toBeCloseTo(0.45, 6);
    expect(share({ detail: true, note: true, automatic: true }, "progress")).toBeCloseTo(0.09, 6);
    expect(tableColumns({ detail: false, note: false, automatic: true })).toEqual(tableColumns({ detail: false, note: false }));
    expect(tableColumns({ detail: true, note: false, automatic: false })).toEqual(tableColumns({ detail: true, note: false }));
  });
});

describe("a plan with plan-wide KPIs", () => {
  const projects = [{ no: 1 }, { no: 2 }];

  it("has a section of them before the projects', and none when every KPI is a project's", () => {
    expect(deckSections(projects, [{ projectNo: 1 }, { projectNo: null }])).toEqual([null, { no: 1 }, { no: 2 }]);
    expect(deckSections(projects, [{ projectNo: 1 }, { projectNo: 2 }])).toEqual([{ no: 1 }, { no: 2 }]);
  });

  it("counts the lines of the annual targets to date under a target, and nothing for a row without them", () => {
    const columns = tableColumns({ detail: true, note: false });
    const row = { kpi: "治験に至った件数", target: "300件", latest: "118件", breakdown: "（118）" };
    expect(rowHeight({ ...row, targetNote: undefined }, columns)).toBe(rowHeight(row, columns));
    expect(rowHeight({ ...row, targetNote: "（累計目標120件）" }, columns)).toBeGreaterThan(rowHeight(row, columns));
  });

  it("paginates its two tables (four plan-wide targets, three outcome indicators) whole: on one slide when they fit, else one a slide", () => {
    const columns = tableColumns({ detail: false, note: false });
    const texts = { kpi: "権利譲渡契約・実施許諾契約・共同研究開発契約件数", target: "650件", latest: "268件", breakdown: "（120/148）" };
    const height = rowHeight({ ...texts, targetNote: "（累計目標260件）" }, columns);
    const units = (targets: number, indicators: number): FlowUnit[] => [
      ...Array.from({ length: targets }, () => ({ table: 0, rows: 1, height, group: "全体目標" })),
      ...Array.from({ length: indicators }, () => ({ table: 1, rows: 1, height, group: "アウトカム指標" })),
    ];
    const s = TABLE_STYLE;
    const flow = {
      capacity: SLIDE_HEIGHT - 16,
      tableHeight: s.title + s.header + s.gap,
      groupHeight: s.group,
      tailHeight: notesHeight(["「最新の数値」は計画開始から令和8年度末までの通算の数値", "達成目標の（ ）は令和8年度までの年度目標の累計"]),
    };
    expect(paginate(units(2, 2), flow)).toEqual([{ start: 0, end: 4 }]);
    expect(paginate(units(4, 3), flow)).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 7 },
    ]);
  });
});

/* The deck's content (deckModel) of a small plan: what the slides say, not how they are laid out. */

const messagesJa = (await import("../../../messages/ja.json")).default;
const tJa = createTranslator({ locale: "ja", messages: messagesJa }) as unknown as Translate;

const kpi = (code: string, fields: Partial<KpiDef> = {}) =>
  kpiDef(code, { projectNo: 1, nameJa: `指標${code}`, nameEn: `KPI ${code}`, target: 100, ...fields });

const project = (no: number, nameJa: string): ProjectDef => ({ no, code: `p${no}`, nameJa, nameEn: `Project ${no}`, ministries: [], budgets: [] });

function round(fields: Partial<RoundData> = {}): RoundData {
  return {
    fiscalYear: 2022,
    meetingNo: null,
    meetingDate: null,
    asOfDate: null,
    status: "final",
    titleJa: null,
    titleEn: null,
    assessmentJa: null,
    assessmentEn: null,
    entries: {},
    footnotes: [],
    evaluations: {},
    highlights: [],
    version: 1,
    ...fields,
  };
}

function deckOf(kpis: KpiDef[], r: RoundData, projects = [project(1, "医薬品プロジェクト")]) {
  const plan: PlanData = { code: "p", nameJa: "計画", nameEn: "Plan", firstFy: 2020, lastFy: 2024, ratingRule: "pro_rata", projects, kpis, rounds: [r] };
  return deckModel(plan, r, followUpAt(plan, r.fiscalYear).rows, "ja", tJa);
}

const facts = (...values: number[]) => values.map((value, i) => ({ fiscalYear: 2020 + i, value }));

describe("the notes of a table slide", () => {
  it("explain every footnote mark the slide shows, on the slide that shows it, and only those", () => {
    // 24 rows with long narratives: the project's table runs over several slides; the first row
    // (on the first slide) and the last (on the last) carry marks of their own
    const kpis = Array.from({ length: 24 }, (_, i) => kpi(`k${i + 1}`, { facts: facts(10, 10, 10) }));
    const entries = Object.fromEntries(
      kpis.map((k) => [
        k.code,
        { ratingFinal: null, overrideReason: null, detailJa: "進捗の詳細。".repeat(20), detailEn: null, noteJa: null, noteEn: null, version: 1 },
      ]),
    );
    const r = round({
      entries,
      footnotes: [
        {
          kpi: "k1",
          marker: "※",
          textJa: "AMEDにおいてクラリベイトIncites Benchmarkingより集計。",
          textEn: "Compiled by AMED from Clarivate InCites Benchmarking.",
        },
        { kpi: "k24", marker: "＊", textJa: "R２年度は一部の事業のみ集計。", textEn: null },
      ],
    });
    const tables = deckOf(kpis, r).slides.filter((s) => s.kind === "table");
    expect(tables.length).toBeGreaterThan(2);
    for (const [i, slide] of tables.entries()) {
      const shown = slide.tables.flatMap((tbl) => tbl.groups.flatMap((g) => g.rows));
      const marks = new Set(shown.flatMap((row) => [...row.latest.markers]));
      const labels = (slide.notes ?? []).map((n) => n.label ?? "");
      for (const mark of marks)
        expect(
          labels.some((l) => l.includes(mark)),
          `slide ${i + 1}: a note for ${mark}`,
        ).toBe(true);
      for (const mark of ["※", "＊"])
        if (!marks.has(mark))
          expect(
            labels.some((l) => l.includes(mark)),
            `slide ${i + 1}: no note for ${mark}`,
          ).toBe(false);
      // the rows' figures and automatic ratings are explained on every slide that shows them
      const texts = (slide.notes ?? []).map((n) => n.text.text);
      expect(texts, `slide ${i + 1}`).toContain(tJa("Slides.noteLatest", { year: "令和4年度" }));
      expect(texts, `slide ${i + 1}`).toContain(tJa("Rating.legendAutomatic"));
    }
    // the source's wording, kept as printed (002 注１: "Incites"), in Japanese
    expect(tables[0].notes![0]).toMatchObject({ label: "注：※ ", text: { text: "AMEDにおいてクラリベイトIncites Benchmarkingより集計。" } });
  });
});

describe("the achievement chart", () => {
  const kpis = [
    kpi("some", { facts: facts(20, 20, 20) }),
    kpi("none"),
    kpi("zero", { facts: facts(0, 0, 0) }),
    kpi("tiny", { target: 1000, facts: facts(1, 1, 1) }),
  ];
  const chart = deckOf(kpis, round()).slides.find((s) => s.kind === "chart")!;
  const bars = (code: string) => chart.rows.find((r) => r.code === code)!.bars;

  it("draws no bar for a KPI with no figure, and says so", () => {
    for (const b of bars("none")) {
      expect(b.position).toBeNull();
      expect(b.below).toBe(false);
      expect(b.label).toBe("データなし");
    }
  });

  it("draws a figure below the axis start (10%) as a mark at the start, told apart from no figure by its own label", () => {
    for (const code of ["zero", "tiny"])
      for (const b of bars(code)) {
        expect(b.position).toBe(0);
        expect(b.below).toBe(true);
        expect(b.label).not.toBe("データなし");
      }
    expect(bars("zero")[0].label).toBe("0%");
    expect(chart.legend.below).toBe(tJa("Slides.chartBelow", { min: "10%" }));
    for (const b of bars("some")) expect(b.below).toBe(false);
  });

  it("explains its automatic ratings (自動) under the chart", () => {
    expect(chart.rows[0].rating).toEqual({ rating: "A", basis: "automatic" });
    expect(chart.notes).toEqual([tJa("Rating.legendAutomatic")]);
  });

  it("says nothing of marks below the axis when there are none", () => {
    const only = deckOf([kpi("some", { facts: facts(20, 20, 20) }), kpi("none")], round()).slides.find((s) => s.kind === "chart")!;
    expect(only.legend.below).toBeNull();
  });
});

describe("the ratings slide", () => {
  it("says of a project without KPIs that none are registered yet, and nothing of one with KPIs", () => {
    const deck = deckOf([kpi("k1", { facts: facts(20, 20, 20) })], round(), [project(1, "医薬品プロジェクト"), project(2, "感染症プロジェクト")]);
    const ratings = deck.slides.find((s) => s.kind === "ratings")!;
    expect(ratings.bars.map((b) => b.empty)).toEqual([null, tJa("PlanWide.emptyCard")]);
  });
});
