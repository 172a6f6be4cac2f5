"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { COUNTINGS, type Counting, type KpiKind, type Measure } from "@/domain/types";
import { KPI_KINDS, MEASURES, SPECIAL_GROUP, type StructureState } from "@/domain/structure";

/** A group a KPI may be put in: the three the forms offer, then the plan's own (as the 2nd plan's ○… headings). */
export interface GroupOption {
  ja: string;
  en: string;
  /** in the reader's language */
  label: string;
}

export interface StructureProject {
  no: number;
  /** "① 医薬品プロジェクト" */
  heading: string;
  code: string;
  /** "◎MHLW, CAO", or "" when none is set */
  ministries: string;
  kpis: number;
}

export interface StructureYear {
  fy: number;
  /** 令和8年度, or 2026年 for a KPI counted by calendar year */
  label: string;
  /** the year's target, formatted ("130件") */
  target: string;
  /** the target as set for the year, as a plain number to edit; "" for the default */
  value: string;
  set: boolean;
}

export interface StructureHistory {
  id: number;
  year: string;
  old: string | null;
  new: string | null;
  reason: string | null;
  who: string | null;
  when: string;
  at: string;
}

export interface StructureKpi {
  code: string;
  name: string;
  /** a sub-target (うち…): it moves with its KPI */
  sub: boolean;
  kind: KpiKind;
  measure: Measure;
  unit: string | null;
  groupJa: string | null;
  groupEn: string | null;
  group: string | null;
  /** "650件" or null */
  target: string | null;
  counting: Counting;
  definitionJa: string | null;
  definitionEn: string | null;
  /** yearly values, round entries and footnotes: a KPI that has any cannot be removed */
  figures: number;
  /** each year's target (null: the plan has no annual targets, or the KPI no target) */
  years: StructureYear[] | null;
  /** "年度目標の合計：650（計画期間の目標：650）" */
  sum: string | null;
  history: StructureHistory[];
}

export interface StructureList {
  /** the project's number; null for the plan-wide KPIs */
  project: number | null;
  heading: string;
  kpis: StructureKpi[];
}

interface Props {
  plan: string;
  locale: string;
  state: StructureState;
  /** the message saying why the structure is locked or unlocked, or that it is open */
  stateText: string;
  unlockReason: string | null;
  annual: boolean;
  projects: StructureProject[];
  lists: StructureList[];
  groups: GroupOption[];
  auditHref: string;
}

type Answer = { ok: boolean; message: string; errors: Record<string, string> };

/** Sends a change to the admin API and reads its answer: the message, and the errors by field. */
function useApi(locale: string) {
  const ta = useTranslations("Admin");
  const router = useRouter();
  return async (method: string, url: string, body: unknown): Promise<Answer> => {
    const res = await fetch(`${url}?lang=${locale}`, {
      method,
      headers: { "Content-Type": "application/json", "Accept-Language": locale },
      body: JSON.stringify(body),
    }).catch(() => null);
    if (!res) return { ok: false, message: ta("networkError"), errors: {} };
    const json = await res.json().catch(() => null);
    const errors: Record<string, string> = {};
    for (const e of (json?.errors ?? []) as { field: string; message: string }[]) errors[e.field] ??= e.message;
    if (res.ok) router.refresh();
    return { ok: res.ok, message: res.ok ? (json?.message ?? "") : (json?.error?.message ?? ta("invalid")), errors };
  };
}

/** Field errors next to their fields: aria-invalid and aria-describedby for an input, the message after it. */
function useFieldErrors(errors: Record<string, string>) {
  const id = useId();
  return {
    invalid: (name: string) => (errors[name] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${name}-e` } : {}),
    errorOf: (name: string) =>
      errors[name] ? (
        <span id={`${id}-${name}-e`} className="field__error">
          {errors[name]}
        </span>
      ) : null,
  };
}

/**
 * An admin's plan structure: whether it may change (and the lock), the projects and the KPIs
 * (plan-wide and each project's) to add, remove and reorder, special targets, and each KPI's
 * counting basis, definition and annual targets with their history.
 */
export function StructureAdmin(props: Props) {
  const t = useTranslations("AdminStructure");
  const { plan, locale, state, projects, lists, groups } = props;
  const locked = state === "locked";
  const base = `/api/admin/plans/${plan}`;

  return (
    <>
      <LockPanel {...props} />
      <fieldset disabled={locked} className="structure-fieldset">
        <legend className="sr-only">{t("titleShort")}</legend>
        <section aria-labelledby="structure-projects" className="admin-panel">
          <h2 id="structure-projects">{t("projects")}</h2>
          {projects.length === 0 ? (
            <p>{t("noProjects")}</p>
          ) : (
            <ol className="structure-list">
              {projects.map((p, i) => (
                <li key={p.no} className="structure-item structure-item__row">
                  <div>
                    <div className="structure-item__head">
                      <strong>{p.heading}</strong> <code className="small muted">{p.code}</code>
                    </div>
                    <p className="small structure-item__meta">{t("projectMeta", { ministries: p.ministries || t("noMinistry"), count: p.kpis })}</p>
                  </div>
                  <Actions locale={locale} name={p.heading} url={`${base}/projects/${p.no}`} place={i + 1} count={projects.length} removable={p.kpis === 0} />
                </li>
              ))}
            </ol>
          )}
          <AddProject locale={locale} url={`${base}/projects`} />
        </section>

        <section aria-labelledby="structure-kpis" className="admin-panel">
          <h2 id="structure-kpis">{t("kpis")}</h2>
          {lists.map((list) => (
            <section key={list.project ?? 0} aria-label={list.heading} className="structure-group">
              <h3>{list.heading}</h3>
              {list.kpis.length === 0 ? (
                <p className="muted">{t("noKpis")}</p>
              ) : (
                <ol className="structure-list">
                  {list.kpis.map((k) => (
                    <KpiItem
                      key={k.code}
                      kpi={k}
                      locale={locale}
                      url={`${base}/kpis/${k.code}`}
                      tops={list.kpis.filter((x) => !x.sub)}
                      groups={groups}
                      annual={props.annual}
                      auditHref={`${props.auditHref}?kpi=${k.code}`}
                    />
                  ))}
                </ol>
              )}
            </section>
          ))}
        </section>

        <section aria-labelledby="structure-special" className="admin-panel">
          <h2 id="structure-special">{t("addSpecial")}</h2>
          <p className="muted small">{t("specialIntro")}</p>
          <AddKpi locale={locale} url={`${base}/kpis`} projects={projects} groups={groups} special />
        </section>

        <section aria-labelledby="structure-add-kpi" className="admin-panel">
          <h2 id="structure-add-kpi">{t("addKpi")}</h2>
          <AddKpi locale={locale} url={`${base}/kpis`} projects={projects} groups={groups} />
        </section>
      </fieldset>
    </>
  );
}

/** Whether the structure may change, and the form that unlocks it (with a reason) or locks it again. */
function LockPanel({ plan, locale, state, stateText, unlockReason }: Props) {
  const t = useTranslations("AdminStructure");
  const call = useApi(locale);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const { invalid, errorOf } = useFieldErrors(answer?.errors ?? {});
  const id = useId();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const lock = state === "unlocked";
    const r = await call("POST", `/api/admin/plans/${plan}/structure`, { locked: lock, reason: f.get("reason") });
    setAnswer(r.ok ? { ...r, message: t(lock ? "lockedDone" : "unlockedDone") } : r);
  }

  return (
    <section aria-labelledby={`${id}-h`} className={`admin-panel structure-state structure-state--${state}`}>
      <h2 id={`${id}-h`}>{t("status")}</h2>
      <p className="structure-state__text">{stateText}</p>
      {state === "unlocked" && unlockReason && <p>{t("unlockReasonShown", { reason: unlockReason })}</p>}
      {state !== "open" && (
        <form noValidate onSubmit={submit} className="admin-form admin-form--wide">
          <p className="field">
            <label htmlFor={`${id}-reason`}>{t(state === "locked" ? "unlockReason" : "lockReason")}</label>
            <input id={`${id}-reason`} name="reason" maxLength={2000} {...invalid("reason")} />
            {errorOf("reason")}
          </p>
          <button type="submit">{t(state === "locked" ? "unlock" : "lock")}</button>
        </form>
      )}
      <p role="status" className="admin-status">
        {answer?.message}
      </p>
    </section>
  );
}

/** Up, down and remove for a project or a KPI in its list. */
function Actions(props: { locale: string; name: string; url: string; place: number; count: number; removable: boolean; movable?: boolean }) {
  const { locale, name, url, place, count, removable, movable = true } = props;
  const t = useTranslations("AdminStructure");
  const call = useApi(locale);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(method: string, path: string, body: unknown) {
    setBusy(true);
    const r = await call(method, path, body);
    setMessage(r.message);
    setBusy(false);
  }

  return (
    <div className="structure-actions">
      {movable && (
        <>
          <button
            type="button"
            className="button-secondary"
            disabled={busy || place === 1}
            aria-label={t("moveUpOf", { name })}
            onClick={() => run("POST", `${url}/move`, { to: place - 1 })}
          >
            ↑ {t("moveUp")}
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={busy || place === count}
            aria-label={t("moveDownOf", { name })}
            onClick={() => run("POST", `${url}/move`, { to: place + 1 })}
          >
            ↓ {t("moveDown")}
          </button>
        </>
      )}
      {removable && (
        <button
          type="button"
          className="button-secondary button-danger"
          disabled={busy}
          aria-label={t("removeOf", { name })}
          onClick={() => window.confirm(t("confirmRemove", { name })) && run("DELETE", url, {})}
        >
          {t("remove")}
        </button>
      )}
      <span role="status" className="admin-status">
        {message}
      </span>
    </div>
  );
}

function AddProject({ locale, url }: { locale: string; url: string }) {
  const t = useTranslations("AdminStructure");
  const call = useApi(locale);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const { invalid, errorOf } = useFieldErrors(answer?.errors ?? {});
  const id = useId();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const r = await call("POST", url, { code: f.get("code"), nameJa: f.get("nameJa"), nameEn: f.get("nameEn"), reason: f.get("reason") });
    setAnswer(r.ok ? { ...r, message: t("added") } : r);
    if (r.ok) form.reset();
  }

  return (
    <form noValidate onSubmit={submit} aria-labelledby={`${id}-h`} className="structure-form">
      <h3 id={`${id}-h`}>{t("addProject")}</h3>
      <div className="admin-names">
        <Field id={id} name="code" label={t("code")} hint={t("codeHint")} invalid={invalid} errorOf={errorOf} />
        <Field id={id} name="nameJa" label={t("nameJa")} invalid={invalid} errorOf={errorOf} />
        <Field id={id} name="nameEn" label={t("nameEn")} invalid={invalid} errorOf={errorOf} />
        <Field id={id} name="reason" label={t("reason")} invalid={invalid} errorOf={errorOf} />
      </div>
      <p className="admin-actions">
        <button type="submit">{t("add")}</button>
        <span role="status">{answer?.message}</span>
      </p>
    </form>
  );
}

/** A labelled input (or textarea) with its hint and error. */
function Field(props: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  textarea?: boolean;
  inputMode?: "numeric" | "decimal";
  invalid: (name: string) => object;
  errorOf: (name: string) => ReactNode;
}) {
  const { id, name, label, hint, defaultValue, textarea, inputMode, invalid, errorOf } = props;
  const described = hint ? { "aria-describedby": `${id}-${name}-hint` } : {};
  return (
    <p className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {textarea ? (
        <textarea id={`${id}-${name}`} name={name} defaultValue={defaultValue ?? ""} maxLength={2000} {...described} {...invalid(name)} />
      ) : (
        <input id={`${id}-${name}`} name={name} defaultValue={defaultValue ?? ""} inputMode={inputMode} {...described} {...invalid(name)} />
      )}
      {hint && (
        <span id={`${id}-${name}-hint`} className="small muted">
          {hint}
        </span>
      )}
      {errorOf(name)}
    </p>
  );
}

/** A KPI's group: one the forms offer or one of the plan's, none, or typed (both languages). */
function GroupField({
  id,
  groups,
  groupJa,
  groupEn,
  invalid,
  errorOf,
}: {
  id: string;
  groups: GroupOption[];
  groupJa: string | null;
  groupEn: string | null;
  invalid: (name: string) => object;
  errorOf: (name: string) => ReactNode;
}) {
  const t = useTranslations("AdminStructure");
  const initial = groupJa === null && groupEn === null ? "none" : String(groups.findIndex((g) => g.ja === groupJa && g.en === groupEn));
  const [choice, setChoice] = useState(initial === "-1" ? "other" : initial);
  const picked = groups[Number(choice)];
  return (
    <>
      <p className="field">
        <label htmlFor={`${id}-group`}>{t("group")}</label>
        <select id={`${id}-group`} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="none">{t("groupNone")}</option>
          {groups.map((g, i) => (
            <option key={`${g.ja}|${g.en}`} value={String(i)}>
              {g.label}
            </option>
          ))}
          <option value="other">{t("groupOther")}</option>
        </select>
      </p>
      {choice === "other" ? (
        <>
          <Field id={id} name="groupJa" label={t("groupJa")} defaultValue={groupJa ?? ""} invalid={invalid} errorOf={errorOf} />
          <Field id={id} name="groupEn" label={t("groupEn")} defaultValue={groupEn ?? ""} invalid={invalid} errorOf={errorOf} />
        </>
      ) : (
        <>
          <input type="hidden" name="groupJa" value={picked?.ja ?? ""} />
          <input type="hidden" name="groupEn" value={picked?.en ?? ""} />
        </>
      )}
    </>
  );
}

function Select<T extends string>({
  id,
  name,
  label,
  options,
  text,
  defaultValue,
}: {
  id: string;
  name: string;
  label: string;
  options: readonly T[];
  text: (o: T) => string;
  defaultValue?: T;
}) {
  return (
    <p className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <select id={`${id}-${name}`} name={name} defaultValue={defaultValue}>
        {options.map((o) => (
          <option key={o} value={o}>
            {text(o)}
          </option>
        ))}
      </select>
    </p>
  );
}

/** A new KPI, plan-wide or a project's; a special target is one in the group 特設目標 (the group is then fixed). */
function AddKpi({
  locale,
  url,
  projects,
  groups,
  special = false,
}: {
  locale: string;
  url: string;
  projects: StructureProject[];
  groups: GroupOption[];
  special?: boolean;
}) {
  const t = useTranslations("AdminStructure");
  const call = useApi(locale);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [formKey, setFormKey] = useState(0);
  const { invalid, errorOf } = useFieldErrors(answer?.errors ?? {});
  const id = useId();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (name: string) => f.get(name) ?? undefined;
    const r = await call("POST", url, {
      code: text("code"),
      project: text("project"),
      kind: text("kind"),
      measure: text("measure"),
      unit: text("unit"),
      groupJa: special ? SPECIAL_GROUP.ja : text("groupJa"),
      groupEn: special ? SPECIAL_GROUP.en : text("groupEn"),
      nameJa: text("nameJa"),
      nameEn: text("nameEn"),
      target: text("target"),
      targetQualifier: f.get("atLeast") ? "at_least" : "",
      counting: text("counting"),
      definitionJa: text("definitionJa"),
      definitionEn: text("definitionEn"),
      reason: text("reason"),
    });
    setAnswer(r.ok ? { ...r, message: t("added") } : r);
    if (r.ok) setFormKey((k) => k + 1);
  }

  return (
    <form key={formKey} noValidate onSubmit={submit} className="structure-form" aria-label={t(special ? "addSpecial" : "addKpi")}>
      <div className="admin-names">
        <p className="field">
          <label htmlFor={`${id}-project`}>{t("project")}</label>
          <select id={`${id}-project`} name="project" defaultValue="" {...invalid("project")}>
            <option value="">{t("planWide")}</option>
            {projects.map((p) => (
              <option key={p.no} value={String(p.no)}>
                {p.heading}
              </option>
            ))}
          </select>
          {errorOf("project")}
        </p>
        <Field id={id} name="code" label={t("code")} hint={t("kpiCodeHint")} invalid={invalid} errorOf={errorOf} />
        <Field id={id} name="nameJa" label={t("nameJa")} invalid={invalid} errorOf={errorOf} />
        <Field id={id} name="nameEn" label={t("nameEn")} invalid={invalid} errorOf={errorOf} />
        <Select id={id} name="kind" label={t("kind")} options={KPI_KINDS} text={(k) => t(`kind_${k}`)} />
        <Select id={id} name="measure" label={t("measure")} options={MEASURES} text={(m) => t(`measure_${m}`)} />
        <Field id={id} name="unit" label={t("unit")} invalid={invalid} errorOf={errorOf} />
        {!special && <GroupField id={id} groups={groups} groupJa={null} groupEn={null} invalid={invalid} errorOf={errorOf} />}
        <div>
          <Field id={id} name="target" label={t("target")} hint={t("targetHint")} inputMode="decimal" invalid={invalid} errorOf={errorOf} />
          <p className="field structure-check">
            <input id={`${id}-atLeast`} type="checkbox" name="atLeast" value="1" />
            <label htmlFor={`${id}-atLeast`}>{t("atLeast")}</label>
          </p>
        </div>
        <Select id={id} name="counting" label={t("counting")} options={COUNTINGS} text={(c) => t(`counting_${c}`)} />
        <Field id={id} name="definitionJa" label={t("definitionJa")} textarea invalid={invalid} errorOf={errorOf} />
        <Field id={id} name="definitionEn" label={t("definitionEn")} textarea invalid={invalid} errorOf={errorOf} />
        <Field id={id} name="reason" label={t("reason")} invalid={invalid} errorOf={errorOf} />
      </div>
      <p className="admin-actions">
        <button type="submit">{t(special ? "addSpecial" : "addKpi")}</button>
        <span role="status">{answer?.message}</span>
      </p>
    </form>
  );
}

/** A KPI in its list: its place, what it is, and (opened) its definition, counting basis and annual targets. */
function KpiItem({
  kpi: k,
  locale,
  url,
  tops,
  groups,
  annual,
  auditHref,
}: {
  kpi: StructureKpi;
  locale: string;
  url: string;
  tops: StructureKpi[];
  groups: GroupOption[];
  annual: boolean;
  auditHref: string;
}) {
  const t = useTranslations("AdminStructure");
  const place = tops.indexOf(k) + 1;
  const meta = [k.group, t(`kind_${k.kind}`), t(`measure_${k.measure}`), k.target, t(`counting_${k.counting}`)].filter(Boolean).join(" ／ ");
  return (
    <li className={k.sub ? "structure-item structure-item--sub" : "structure-item"}>
      <div className="structure-item__row">
        <div>
          <div className="structure-item__head">
            <strong>{k.name}</strong> <code className="small muted">{k.code}</code>
          </div>
          <p className="small structure-item__meta">{meta}</p>
        </div>
        <Actions locale={locale} name={k.name} url={url} place={place} count={tops.length} removable={k.figures === 0} movable={!k.sub} />
      </div>
      <details className="structure-details">
        <summary>
          {t("details")}
          <span className="sr-only">: {k.name}</span>
        </summary>
        <KpiDetails kpi={k} locale={locale} url={url} groups={groups} />
        {annual && k.years && <YearTargets kpi={k} locale={locale} url={url} auditHref={auditHref} />}
        {!annual && <p className="muted small">{t("notAnnualRule")}</p>}
      </details>
    </li>
  );
}

function KpiDetails({ kpi: k, locale, url, groups }: { kpi: StructureKpi; locale: string; url: string; groups: GroupOption[] }) {
  const t = useTranslations("AdminStructure");
  const call = useApi(locale);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const { invalid, errorOf } = useFieldErrors(answer?.errors ?? {});
  const id = useId();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (name: string) => f.get(name) ?? undefined;
    setAnswer(
      await call("PATCH", url, {
        kind: text("kind"),
        counting: text("counting"),
        unit: text("unit"),
        groupJa: text("groupJa"),
        groupEn: text("groupEn"),
        definitionJa: text("definitionJa"),
        definitionEn: text("definitionEn"),
        reason: text("reason"),
      }),
    );
  }

  return (
    <form noValidate onSubmit={submit} className="structure-form" aria-label={t("detailsOf", { name: k.name })}>
      <div className="admin-names">
        <Select id={id} name="kind" label={t("kind")} options={KPI_KINDS} text={(x) => t(`kind_${x}`)} defaultValue={k.kind} />
        <Select id={id} name="counting" label={t("counting")} options={COUNTINGS} text={(c) => t(`counting_${c}`)} defaultValue={k.counting} />
        <Field id={id} name="unit" label={t("unit")} defaultValue={k.unit ?? ""} invalid={invalid} errorOf={errorOf} />
        <GroupField id={id} groups={groups} groupJa={k.groupJa} groupEn={k.groupEn} invalid={invalid} errorOf={errorOf} />
        <Field id={id} name="definitionJa" label={t("definitionJa")} defaultValue={k.definitionJa ?? ""} textarea invalid={invalid} errorOf={errorOf} />
        <Field id={id} name="definitionEn" label={t("definitionEn")} defaultValue={k.definitionEn ?? ""} textarea invalid={invalid} errorOf={errorOf} />
        <Field id={id} name="reason" label={t("reason")} invalid={invalid} errorOf={errorOf} />
      </div>
      <p className="admin-actions">
        <button type="submit">{t("save")}</button>
        <span role="status">{answer?.message}</span>
      </p>
    </form>
  );
}

/** Each year's target (the default, or as set), a form per year with its reason, and the history of changes. */
function YearTargets({ kpi: k, locale, url, auditHref }: { kpi: StructureKpi; locale: string; url: string; auditHref: string }) {
  const t = useTranslations("AdminStructure");
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="structure-years">
      <h4 id={`${id}-h`}>{t("yearTargets")}</h4>
      <p className="muted small">{t("yearTargetsIntro")}</p>
      <div className="table-wrap">
        <table className="report compact stack structure-years__table">
          <thead>
            <tr>
              <th scope="col">{t("fiscalYear")}</th>
              <th scope="col">{t("yearTarget")}</th>
              <th scope="col">{t("newYearTarget")}</th>
              <th scope="col">{t("yearReason")}</th>
              <th scope="col">
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {k.years!.map((y) => (
              <YearTarget key={`${y.fy}-${y.target}-${y.set}`} year={y} locale={locale} url={`${url}/year-targets`} />
            ))}
          </tbody>
        </table>
      </div>
      {k.sum && <p className="small">{k.sum}</p>}
      <h5>{t("history")}</h5>
      {k.history.length === 0 ? (
        <p className="muted small">{t("historyEmpty")}</p>
      ) : (
        <ul className="structure-history small" aria-label={t("history")}>
          {k.history.map((h) => (
            <li key={h.id}>
              {t("historyChange", { year: h.year, old: h.old ?? t("historyDefault"), new: h.new ?? t("historyDefault") })}
              {h.reason && <> — {t("historyReason", { reason: h.reason })}</>}{" "}
              <span className="muted">
                <time dateTime={h.at}>{t("historyBy", { who: h.who ?? "—", when: h.when })}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="small">
        <a href={auditHref}>{t("auditLink")}</a>
      </p>
    </section>
  );
}

/** One year: its target now (default or set), and the new target with its reason; the row's inputs belong to the form in its last cell. */
function YearTarget({ year: y, locale, url }: { year: StructureYear; locale: string; url: string }) {
  const t = useTranslations("AdminStructure");
  const call = useApi(locale);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const { invalid, errorOf } = useFieldErrors(answer?.errors ?? {});
  const form = useId();

  async function send(element: HTMLFormElement, reset: boolean) {
    const f = new FormData(element);
    setAnswer(await call("PUT", url, { fiscalYear: y.fy, target: reset ? "" : f.get("target"), reason: f.get("reason") }));
  }

  return (
    <tr>
      <th scope="row" className="nowrap">
        {y.label}
      </th>
      <td data-label={t("yearTarget")} className="nowrap">
        {y.target} <span className={y.set ? "structure-tag structure-tag--set" : "structure-tag"}>{t(y.set ? "isSet" : "isDefault")}</span>
      </td>
      {/* each input in a wrapper: a phone's card leaves out a cell whose only child is empty, as an input is */}
      <td data-label={t("newYearTarget")}>
        <div>
          <input
            form={form}
            name="target"
            inputMode="decimal"
            className="num-input"
            defaultValue={y.value}
            aria-label={t("yearTargetOf", { year: y.label })}
            {...invalid("target")}
          />
          {errorOf("target")}
          {errorOf("fiscalYear")}
        </div>
      </td>
      <td data-label={t("yearReason")}>
        <div>
          <input form={form} name="reason" maxLength={2000} aria-label={t("yearReasonOf", { year: y.label })} {...invalid("reason")} />
          {errorOf("reason")}
        </div>
      </td>
      <td>
        <form
          id={form}
          noValidate
          className="structure-actions"
          onSubmit={(e) => {
            e.preventDefault();
            void send(e.currentTarget, false);
          }}
        >
          <button type="submit">{t("save")}</button>
          {y.set && (
            <button
              type="button"
              className="button-secondary"
              aria-label={t("resetOf", { year: y.label })}
              onClick={(e) => void send(e.currentTarget.form!, true)}
            >
              {t("reset")}
            </button>
          )}
          <span role="status" className="admin-status">
            {answer?.message}
          </span>
        </form>
      </td>
    </tr>
  );
}
