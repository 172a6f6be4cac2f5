"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { readYearInput } from "@/domain/entry";
import { countedYearLabel, fyLabel } from "@/domain/fiscal-year";
import { circledNumber, formatFigure } from "@/domain/format";
import { kpiStatus } from "@/domain/follow-up";
import { exactDecimals } from "@/features/dashboard/model";
import type { Counting, Measure, PlanRule, YearFact } from "@/domain/types";

export interface GridKpi {
  code: string;
  /** null for a plan-wide KPI, which the grid shows in a section of its own before the projects' */
  projectNo: number | null;
  parentCode: string | null;
  name: string;
  measure: Measure;
  unit: string | null;
  management: boolean;
  target: number | null;
  /** the years whose target an admin set apart from the default, for the preview under annual_targets */
  yearTargets: Record<number, number>;
  /** what the yearly figure counts: the round's fiscal year, or the calendar year it reports */
  counting: Counting;
  decimals: number;
  facts: YearFact[];
  /** the committee's threads on this KPI in this round: a badge that leads to them */
  review?: { total: number; open: number; label: string; href: string };
  input: { value: string; numerator: string; denominator: string; text: string; version: number };
  entry: { rating: "" | "A" | "B"; overrideReason: string; detailJa: string; detailEn: string; noteJa: string; noteEn: string; version: number };
}

export interface GridProject {
  no: number;
  name: string;
  evaluation: { textJa: string; textEn: string; version: number };
}

export interface GridNotes {
  /** the round's version as loaded (0: no round yet) */
  version: number;
  footnotes: { kpi: string; marker: string; textJa: string; textEn: string }[];
  highlights: { project: number | null; textJa: string; textEn: string }[];
}

interface Props {
  plan: string;
  fy: number;
  /** the plan's span and rating rule: the preview rates as the plan does */
  span: PlanRule;
  locale: "ja" | "en";
  editable: boolean;
  valuesFrozen: boolean;
  kpis: GridKpi[];
  projects: GridProject[];
  notes: GridNotes;
}

type Row = GridKpi["input"] & GridKpi["entry"];
type FieldError = { kpi?: string; project?: number; field: string; message: string };

/** The round's grid: each KPI's input for its kind, a live preview from the domain core, and the narratives. */
export function EntryGrid({ plan, fy, span, locale, editable, valuesFrozen, kpis, projects, notes: baseNotes }: Props) {
  const t = useTranslations("Workspace");
  const te = useTranslations("Entry");
  const tp = useTranslations("PlanWide");
  const initial = useMemo(() => Object.fromEntries(kpis.map((k) => [k.code, { ...k.input, ...k.entry }])), [kpis]);
  const [rows, setRows] = useState<Record<string, Row>>(initial);
  const base = initial;
  const baseEvals = useMemo(() => Object.fromEntries(projects.map((p) => [p.no, p.evaluation])), [projects]);
  const [evals, setEvals] = useState(baseEvals);
  const [notes, setNotes] = useState(baseNotes);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflicts, setConflicts] = useState<{ kpi?: string; field: string; theirs: string | null; yours: string | null; by: string | null }[]>([]);

  const set = (code: string, field: keyof Row, value: string) => setRows((r) => ({ ...r, [code]: { ...r[code], [field]: value } }));
  const errorOf = (code: string, field: string) => errors.find((e) => e.kpi === code && e.field === field)?.message;

  async function save() {
    setBusy(true);
    setMessage(null);
    const changed = kpis.filter((k) => JSON.stringify(rows[k.code]) !== JSON.stringify(base[k.code]));
    const body = {
      rows: changed.map((k) => {
        const r = rows[k.code];
        const b = base[k.code];
        const valuesChanged = ["value", "numerator", "denominator", "text"].some((f) => r[f as keyof Row] !== b[f as keyof Row]);
        return {
          kpi: k.code,
          valueVersion: r.version,
          entryVersion: k.entry.version,
          ...(valuesChanged ? { value: r.value, numerator: r.numerator, denominator: r.denominator, text: r.text } : {}),
          rating: r.rating,
          overrideReason: r.overrideReason,
          detailJa: r.detailJa,
          detailEn: r.detailEn,
          noteJa: r.noteJa,
          noteEn: r.noteEn,
        };
      }),
      evaluations: projects
        .filter((p) => JSON.stringify(evals[p.no]) !== JSON.stringify(baseEvals[p.no]))
        .map((p) => ({ project: p.no, textJa: evals[p.no].textJa, textEn: evals[p.no].textEn, version: evals[p.no].version })),
      ...(JSON.stringify(notes) !== JSON.stringify(baseNotes) ? { notes } : {}),
    };
    const res = await fetch(`/api/plans/${plan}/rounds/${fy}/entries?lang=${locale}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }).catch(() => null);
    const json = await res?.json().catch(() => null);
    setBusy(false);
    setErrors(json?.errors ?? []);
    setConflicts(json?.conflicts ?? []);
    setMessage(json?.message ?? json?.error?.message ?? "Error");
    if (res?.ok) {
      // The page reloads its versions from the server so that the next save starts from them.
      window.location.reload();
    }
  }

  // The plan-wide KPIs first, in a section of their own (no project, so no evaluation), then each project's.
  const planWide = kpis.filter((k) => k.projectNo === null);
  const sections = [
    ...(planWide.length ? [{ id: "plan-wide", p: null, name: tp("section"), region: tp("gridRegion"), list: planWide }] : []),
    ...projects.map((p) => ({
      id: `p${p.no}`,
      p,
      name: p.name,
      region: t("gridRegion", { no: circledNumber(p.no) }),
      list: kpis.filter((k) => k.projectNo === p.no),
    })),
  ];
  return (
    <form
      className="grid-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (editable) void save();
      }}
    >
      {sections.map(({ id, p, name, region, list }) => (
        <section key={id} aria-labelledby={id}>
          <h2 id={id}>{name}</h2>
          {list.length === 0 ? (
            <p>{tp("emptyCard")}</p>
          ) : (
            <div className="table-wrap" role="region" aria-label={region} tabIndex={0}>
              <table className="report entry">
                <thead>
                  <tr>
                    <th scope="col">{t("kpi")}</th>
                    <th scope="col">{t("value", { year: fyLabel(fy, locale) })}</th>
                    <th scope="col">{t("preview")}</th>
                    <th scope="col">{t("final")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((k) => {
                    const r = rows[k.code];
                    const read = readYearInput(k.measure, r);
                    const facts = [
                      ...k.facts.filter((f) => f.fiscalYear !== fy),
                      { ...k.facts.find((f) => f.fiscalYear === fy), fiscalYear: fy, ...read.values },
                    ];
                    const s = kpiStatus(
                      { measure: k.measure, management: k.management, target: k.target, parentCode: k.parentCode, yearTargets: k.yearTargets, facts },
                      span,
                      fy,
                      r.rating || null,
                    );
                    const fmt = (n: number | null) => (n === null ? "—" : formatFigure(n, { measure: k.measure, unit: k.unit, decimals: k.decimals }, locale));
                    // a computed guide as it is (2 × 1 ÷ 5 = 0.4, not 0): the rating compares with it exactly
                    const exact = (n: number | null) =>
                      n === null ? "—" : formatFigure(n, { measure: k.measure, unit: k.unit, decimals: exactDecimals(n, k.decimals) }, locale);
                    // The year the figure counts (2025年（暦年） for a calendar-year KPI), and its target under annual_targets.
                    const counted = countedYearLabel(fy, k.counting, locale);
                    const valueLabel = k.counting === "calendar_year" ? tp("valueCalendar", { year: counted }) : t("value", { year: fyLabel(fy, locale) });
                    const yearTarget = s.annual?.find((y) => y.fiscalYear === fy)?.target ?? null;
                    const hint = yearTarget === null ? undefined : tp("yearTarget", { year: counted, target: fmt(yearTarget) });
                    const input = (field: "value" | "numerator" | "denominator", label: string, hintText?: string) => {
                      const err = errorOf(k.code, field) ?? (read.errors[field] ? te(read.errors[field]!) : undefined);
                      const id = `${k.code}-${field}`;
                      const describedBy = [hintText && `${id}-h`, err && `${id}-e`].filter(Boolean).join(" ");
                      return (
                        <span className="field">
                          <label htmlFor={id}>{label}</label>
                          <input
                            id={id}
                            inputMode="numeric"
                            value={r[field]}
                            disabled={!editable || valuesFrozen}
                            aria-invalid={err ? true : undefined}
                            aria-describedby={describedBy || undefined}
                            onChange={(e) => set(k.code, field, e.target.value)}
                          />
                          {hintText && (
                            <span id={`${id}-h`} className="field__hint">
                              {hintText}
                            </span>
                          )}
                          {err && (
                            <span id={`${id}-e`} className="field__error">
                              {err}
                            </span>
                          )}
                        </span>
                      );
                    };
                    return (
                      <tr key={k.code} className={k.parentCode ? "sub" : undefined}>
                        <th scope="row">
                          {k.name}{" "}
                          <a
                            className="small"
                            href={`/${locale}/workspace/${plan}/audit?kpi=${encodeURIComponent(k.code)}`}
                            aria-label={`${t("history")}: ${k.name}`}
                          >
                            {t("history")}
                          </a>
                          {k.review && (
                            <>
                              {" "}
                              <a
                                className={k.review.open ? "count-badge count-badge--open" : "count-badge"}
                                href={k.review.href}
                                aria-label={k.review.label}
                                title={k.review.label}
                              >
                                {k.review.total}
                                {k.review.open > 0 && <span aria-hidden="true">・{k.review.open}</span>}
                              </a>
                            </>
                          )}
                        </th>
                        <td>
                          {k.measure === "count" && input("value", valueLabel, hint)}
                          {k.measure === "share" && (
                            <>
                              {input("numerator", t("numerator"))}
                              {input("denominator", t("denominator"))}
                              {input("value", t("share"), hint)}
                            </>
                          )}
                          {k.measure === "qualitative" && (
                            <span className="field">
                              <label htmlFor={`${k.code}-text`}>{t("text")}</label>
                              <textarea
                                id={`${k.code}-text`}
                                value={r.text}
                                disabled={!editable || valuesFrozen}
                                onChange={(e) => set(k.code, "text", e.target.value)}
                              />
                            </span>
                          )}
                        </td>
                        <td className="small" aria-live="polite">
                          {t("cumulative")}: <strong>{fmt(s.cumulative.value)}</strong>
                          <br />
                          {s.rule === "annual_targets" ? tp(k.measure === "share" ? "shareTarget" : "cumulativeTarget") : t("expected")}: {exact(s.expected)}
                          {!k.parentCode && (
                            <>
                              <br />
                              {t("auto")}: <strong>{s.ratingAuto ?? "—"}</strong>
                            </>
                          )}
                        </td>
                        <td>
                          {!k.parentCode && (
                            <>
                              <span className="field">
                                <label htmlFor={`${k.code}-rating`}>{t("final")}</label>
                                <select id={`${k.code}-rating`} value={r.rating} disabled={!editable} onChange={(e) => set(k.code, "rating", e.target.value)}>
                                  <option value="">{t("finalAuto")}</option>
                                  <option value="A">A</option>
                                  <option value="B">B</option>
                                </select>
                              </span>
                              <span className="field">
                                <label htmlFor={`${k.code}-reason`}>{t("reason")}</label>
                                <input
                                  id={`${k.code}-reason`}
                                  value={r.overrideReason}
                                  disabled={!editable}
                                  aria-invalid={errorOf(k.code, "overrideReason") ? true : undefined}
                                  onChange={(e) => set(k.code, "overrideReason", e.target.value)}
                                />
                                {errorOf(k.code, "overrideReason") && <span className="field__error">{errorOf(k.code, "overrideReason")}</span>}
                              </span>
                              <details>
                                <summary>{t("narratives")}</summary>
                                {(["detailJa", "detailEn", "noteJa", "noteEn"] as const).map((f) => (
                                  <span className="field" key={f}>
                                    <label htmlFor={`${k.code}-${f}`}>{t(f)}</label>
                                    <textarea id={`${k.code}-${f}`} value={r[f]} disabled={!editable} onChange={(e) => set(k.code, f, e.target.value)} />
                                    {errorOf(k.code, f) && <span className="field__error">{errorOf(k.code, f)}</span>}
                                  </span>
                                ))}
                              </details>
                            </>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {p && (
            <>
              <span className="field">
                <label htmlFor={`eval-${p.no}`}>{t("evaluation")}</label>
                <textarea
                  id={`eval-${p.no}`}
                  rows={3}
                  value={evals[p.no].textJa}
                  disabled={!editable}
                  onChange={(e) => setEvals((v) => ({ ...v, [p.no]: { ...v[p.no], textJa: e.target.value } }))}
                />
              </span>
              <span className="field">
                <label htmlFor={`eval-en-${p.no}`}>{t("evaluationEn")}</label>
                <textarea
                  id={`eval-en-${p.no}`}
                  rows={3}
                  value={evals[p.no].textEn}
                  disabled={!editable}
                  onChange={(e) => setEvals((v) => ({ ...v, [p.no]: { ...v[p.no], textEn: e.target.value } }))}
                />
              </span>
            </>
          )}
        </section>
      ))}
      <NotesEditor notes={notes} setNotes={setNotes} kpis={kpis} projects={projects} editable={editable} errors={errors} />
      <div className="save-bar">
        {editable && (
          <button type="submit" disabled={busy}>
            {busy ? t("saving") : t("save")}
          </button>
        )}
        <p role="status">{message}</p>
        {conflicts.length > 0 && (
          <ul className="conflicts">
            {conflicts.map((c, i) => (
              <li key={i}>
                {c.kpi} {c.field}: {c.yours ?? "—"} / {c.theirs ?? "—"} {c.by ? `(${c.by})` : ""}
              </li>
            ))}
          </ul>
        )}
      </div>
    </form>
  );
}

/** The round's highlights (主な成果) and footnotes (※…), edited as lists and saved with the grid. */
function NotesEditor({
  notes,
  setNotes,
  kpis,
  projects,
  editable,
  errors,
}: {
  notes: GridNotes;
  setNotes: (update: (n: GridNotes) => GridNotes) => void;
  kpis: GridKpi[];
  projects: GridProject[];
  editable: boolean;
  errors: FieldError[];
}) {
  const t = useTranslations("Workspace");
  const tp = useTranslations("PlanWide");
  const fieldErrors = (field: string) => errors.filter((e) => e.field === field).map((e) => e.message);
  function edit<K extends "footnotes" | "highlights">(list: K, i: number, patch: Partial<GridNotes[K][number]>) {
    setNotes((v) => ({ ...v, [list]: v[list].map((item, j) => (j === i ? { ...item, ...patch } : item)) }));
  }
  const remove = (list: "footnotes" | "highlights", i: number) => setNotes((v) => ({ ...v, [list]: v[list].filter((_, j) => j !== i) }));
  const problems = (field: string) =>
    fieldErrors(field).map((m) => (
      <span key={m} className="field__error">
        {m}
      </span>
    ));
  return (
    <section aria-labelledby="round-notes" className="notes">
      <h2 id="round-notes">{t("notes")}</h2>
      <h3>{t("highlights")}</h3>
      {notes.highlights.map((h, i) => (
        <fieldset key={i} className="note" aria-invalid={fieldErrors(`highlights.${i}`).length ? true : undefined}>
          <legend>{t("highlight", { n: i + 1 })}</legend>
          <span className="field">
            <label htmlFor={`hl-${i}-project`}>{t("highlightProject")}</label>
            <select
              id={`hl-${i}-project`}
              value={h.project ?? ""}
              disabled={!editable}
              onChange={(e) => edit("highlights", i, { project: e.target.value ? Number(e.target.value) : null })}
            >
              <option value="">{t("wholePlan")}</option>
              {projects.map((p) => (
                <option key={p.no} value={p.no}>
                  {p.name}
                </option>
              ))}
            </select>
          </span>
          <TextPair id={`hl-${i}`} value={h} editable={editable} onChange={(patch) => edit("highlights", i, patch)} />
          {problems(`highlights.${i}`)}
          {editable && (
            <button type="button" onClick={() => remove("highlights", i)}>
              {t("remove")}
            </button>
          )}
        </fieldset>
      ))}
      {editable && (
        <button type="button" onClick={() => setNotes((v) => ({ ...v, highlights: [...v.highlights, { project: null, textJa: "", textEn: "" }] }))}>
          {t("addHighlight")}
        </button>
      )}
      <h3>{t("footnotes")}</h3>
      {notes.footnotes.map((f, i) => (
        <fieldset key={i} className="note note--footnote" aria-invalid={fieldErrors(`footnotes.${i}`).length ? true : undefined}>
          <legend>{t("footnote", { n: i + 1 })}</legend>
          <span className="field">
            <label htmlFor={`fn-${i}-kpi`}>{t("footnoteKpi")}</label>
            <select id={`fn-${i}-kpi`} value={f.kpi} disabled={!editable} onChange={(e) => edit("footnotes", i, { kpi: e.target.value })}>
              {kpis.some((k) => k.projectNo === null) && (
                <optgroup label={tp("section")}>
                  {kpis
                    .filter((k) => k.projectNo === null)
                    .map((k) => (
                      <option key={k.code} value={k.code}>
                        {k.name}
                      </option>
                    ))}
                </optgroup>
              )}
              {projects.map((p) => (
                <optgroup key={p.no} label={p.name}>
                  {kpis
                    .filter((k) => k.projectNo === p.no)
                    .map((k) => (
                      <option key={k.code} value={k.code}>
                        {k.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </span>
          <span className="field field--narrow">
            <label htmlFor={`fn-${i}-marker`}>{t("marker")}</label>
            <input id={`fn-${i}-marker`} value={f.marker} disabled={!editable} onChange={(e) => edit("footnotes", i, { marker: e.target.value })} />
          </span>
          <TextPair id={`fn-${i}`} value={f} editable={editable} onChange={(patch) => edit("footnotes", i, patch)} />
          {problems(`footnotes.${i}`)}
          {editable && (
            <button type="button" onClick={() => remove("footnotes", i)}>
              {t("remove")}
            </button>
          )}
        </fieldset>
      ))}
      {editable && (
        <button
          type="button"
          onClick={() => setNotes((v) => ({ ...v, footnotes: [...v.footnotes, { kpi: kpis[0]?.code ?? "", marker: "※", textJa: "", textEn: "" }] }))}
        >
          {t("addFootnote")}
        </button>
      )}
    </section>
  );
}

/** A note's text in Japanese and in English, side by side. */
function TextPair({
  id,
  value,
  editable,
  onChange,
}: {
  id: string;
  value: { textJa: string; textEn: string };
  editable: boolean;
  onChange: (patch: { textJa?: string; textEn?: string }) => void;
}) {
  const t = useTranslations("Workspace");
  return (
    <>
      {(["textJa", "textEn"] as const).map((f) => (
        <span className="field" key={f}>
          <label htmlFor={`${id}-${f}`}>{t(f)}</label>
          <textarea id={`${id}-${f}`} rows={2} value={value[f]} disabled={!editable} onChange={(e) => onChange({ [f]: e.target.value })} />
        </span>
      ))}
    </>
  );
}
