"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { BUDGET_KINDS, MINISTRIES, type BudgetKind, type Ministry } from "@/domain/types";
import { useTranslations } from "next-intl";

export interface ProjectForm {
  no: number;
  /** "① 医薬品プロジェクト" */
  heading: string;
  nameJa: string;
  nameEn: string;
  /** in order, the lead first */
  ministries: { ministry: Ministry; lead: boolean }[];
  /** 億円 by "fiscalYear.kind", as plain numbers */
  budgets: Record<string, number>;
}

interface Props {
  plan: string;
  locale: string;
  projects: ProjectForm[];
  years: { fy: number; label: string }[];
  ministryNames: Record<Ministry, string>;
}

type Result = { text: string; errors: Record<string, string> };

/**
 * An admin's integrated projects: one form per project with its names, the ministries in
 * charge (◎ the lead) and the budget of each fiscal year of the plan. Figures go to the
 * server as typed; the server reads them and answers errors per field, translated.
 */
export function ProjectAdmin({ plan, locale, projects, years, ministryNames }: Props) {
  const t = useTranslations("AdminProjects");
  const ta = useTranslations("Admin");
  const router = useRouter();
  const [results, setResults] = useState<Record<number, Result>>({});

  async function save(p: ProjectForm, form: HTMLFormElement) {
    const f = new FormData(form);
    const inCharge = ministryOrder(p).filter((m) => f.getAll("inCharge").includes(m));
    // with no lead marked, a single ministry in charge is the lead; a project with none yet (the 3rd plan's) may keep none while its names or budgets change
    const lead = f.get("lead") ?? (inCharge.length === 1 ? inCharge[0] : null);
    const cells = years.flatMap((y) => BUDGET_KINDS.map((kind) => ({ fiscalYear: y.fy, kind, okuYen: String(f.get(`budget.${y.fy}.${kind}`) ?? "") })));
    const body = {
      nameJa: f.get("nameJa"),
      nameEn: f.get("nameEn"),
      ministries: inCharge.length === 0 && p.ministries.length === 0 ? undefined : inCharge.map((m) => ({ ministry: m, lead: m === lead })),
      budgets: cells,
      reason: f.get("reason"),
    };
    const res = await fetch(`/api/admin/plans/${plan}/projects/${p.no}?lang=${locale}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", "Accept-Language": locale },
      body: JSON.stringify(body),
    }).catch(() => null);
    const json = await res?.json().catch(() => null);
    let result: Result;
    if (!res) result = { text: ta("networkError"), errors: {} };
    else if (!res.ok) {
      // budgets.{i}.… names the i-th cell sent; the form names its inputs by year and kind
      const field = (path: string) => {
        const m = /^budgets\.(\d+)\./.exec(path);
        const cell = m ? cells[Number(m[1])] : undefined;
        return cell ? `budget.${cell.fiscalYear}.${cell.kind}` : path.startsWith("ministries") ? "ministries" : path;
      };
      const errors: Record<string, string> = {};
      for (const e of (json?.errors ?? []) as { field: string; message: string }[]) errors[field(e.field)] ??= e.message;
      result = { text: json?.error?.message ?? ta("invalid"), errors };
    } else {
      result = { text: json?.message ?? t("saved"), errors: {} };
      router.refresh();
    }
    setResults((r) => ({ ...r, [p.no]: result }));
  }

  /** The project's ministries first (lead, then in order), then the others. */
  const ministryOrder = (p: ProjectForm): Ministry[] => [
    ...p.ministries.map((m) => m.ministry),
    ...MINISTRIES.filter((m) => !p.ministries.some((x) => x.ministry === m)),
  ];

  return (
    <>
      {projects.map((p) => (
        <ProjectEditor
          // a saved project comes back from the server: the form starts again from what was stored
          key={JSON.stringify(p)}
          project={p}
          order={ministryOrder(p)}
          years={years}
          ministryNames={ministryNames}
          result={results[p.no]}
          onSave={save}
        />
      ))}
    </>
  );
}

interface EditorProps {
  project: ProjectForm;
  order: Ministry[];
  years: Props["years"];
  ministryNames: Props["ministryNames"];
  result: Result | undefined;
  onSave: (p: ProjectForm, form: HTMLFormElement) => Promise<void>;
}

function ProjectEditor({ project: p, order, years, ministryNames, result, onSave }: EditorProps) {
  const t = useTranslations("AdminProjects");
  const id = useId();
  const [busy, setBusy] = useState(false);
  const errors = result?.errors ?? {};
  const invalid = (name: string) => (errors[name] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${name}-e` } : {});
  const errorOf = (name: string) =>
    errors[name] ? (
      <span id={`${id}-${name}-e`} className="field__error">
        {errors[name]}
      </span>
    ) : null;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    await onSave(p, e.currentTarget);
    setBusy(false);
  }

  return (
    <section aria-labelledby={`${id}-h`} className="admin-panel">
      <h2 id={`${id}-h`}>{p.heading}</h2>
      <form noValidate onSubmit={submit}>
        <div className="admin-names">
          {(["nameJa", "nameEn"] as const).map((name) => (
            <p className="field" key={name}>
              <label htmlFor={`${id}-${name}`}>{t(name)}</label>
              <input id={`${id}-${name}`} name={name} defaultValue={p[name]} {...invalid(name)} />
              {errorOf(name)}
            </p>
          ))}
        </div>
        <div className="admin-columns">
          <fieldset aria-describedby={errors.ministries ? `${id}-ministries-e` : undefined}>
            <legend>{t("ministries")}</legend>
            <table className="report compact admin-table">
              <thead>
                <tr>
                  <th scope="col">{t("ministry")}</th>
                  <th scope="col">{t("inCharge")}</th>
                  <th scope="col">{t("lead")}</th>
                </tr>
              </thead>
              <tbody>
                {order.map((m) => {
                  const current = p.ministries.find((x) => x.ministry === m);
                  return (
                    <tr key={m}>
                      <th scope="row">{ministryNames[m]}</th>
                      <td className="center">
                        <input
                          type="checkbox"
                          name="inCharge"
                          value={m}
                          defaultChecked={!!current}
                          aria-label={t("inChargeOf", { ministry: ministryNames[m] })}
                        />
                      </td>
                      <td className="center">
                        <input type="radio" name="lead" value={m} defaultChecked={!!current?.lead} aria-label={t("leadOf", { ministry: ministryNames[m] })} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {errorOf("ministries")}
          </fieldset>
          <fieldset>
            <legend>{t("budgets")}</legend>
            <p className="muted small">{t("budgetsHint")}</p>
            <table className="report compact admin-table">
              <thead>
                <tr>
                  <th scope="col">{t("fiscalYear")}</th>
                  {BUDGET_KINDS.map((k) => (
                    <th scope="col" key={k}>
                      {t(`kind_${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {years.map((y) => (
                  <tr key={y.fy}>
                    <th scope="row" className="nowrap">
                      {y.label}
                    </th>
                    {BUDGET_KINDS.map((k: BudgetKind) => {
                      const name = `budget.${y.fy}.${k}`;
                      return (
                        <td key={k} className="field">
                          <input
                            name={name}
                            inputMode="decimal"
                            className="num-input"
                            defaultValue={p.budgets[`${y.fy}.${k}`] ?? ""}
                            aria-label={t("budgetOf", { year: y.label, kind: t(`kind_${k}`) })}
                            {...invalid(name)}
                          />
                          {errorOf(name)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </fieldset>
        </div>
        <p className="field admin-reason">
          <label htmlFor={`${id}-reason`}>{t("reason")}</label>
          <input id={`${id}-reason`} name="reason" {...invalid("reason")} />
          {errorOf("reason")}
        </p>
        <p className="admin-actions">
          <button type="submit" disabled={busy}>
            {t("save")}
          </button>
          <span role="status">{result?.text}</span>
        </p>
      </form>
    </section>
  );
}
