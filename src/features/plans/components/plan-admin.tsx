"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";

interface Props {
  plans: { code: string; name: string }[];
  kpis: { plan: string; code: string; name: string; target: number | null; qualifier: string | null }[];
}

type Answer = { ok: boolean; json: { error?: { message?: string }; errors?: { field: string; message: string }[] } | null; offline: boolean };

async function post(url: string, body: unknown, locale: string): Promise<Answer> {
  const res = await fetch(`${url}?lang=${locale}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept-Language": locale },
    body: JSON.stringify(body),
  }).catch(() => null);
  return { ok: !!res?.ok, json: await res?.json().catch(() => null), offline: !res };
}

/** An admin's plans: create one (optionally copying another's structure), and change KPI targets with a reason. */
export function PlanAdmin({ plans, kpis }: Props) {
  const t = useTranslations("Admin");
  const locale = useLocale();
  const id = useId();
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState(plans[0]?.code ?? "");

  /** The answer's message; the field errors go next to their fields (`form` prefixes their names). */
  function show(r: Answer, form: string, done: string) {
    const list = r.json?.errors ?? [];
    setErrors(Object.fromEntries(list.map((e) => [`${form}.${e.field}`, e.message])));
    if (r.ok) setMessage(done);
    else setMessage(r.offline ? t("networkError") : (r.json?.error?.message ?? t("invalid")));
  }

  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const r = await post(
      "/api/admin/plans",
      {
        code: f.get("code"),
        nameJa: f.get("nameJa"),
        nameEn: f.get("nameEn"),
        firstFy: f.get("firstFy"),
        lastFy: f.get("lastFy"),
        copyFrom: f.get("copyFrom") || undefined,
      },
      locale,
    );
    show(r, "new", t("created"));
    if (r.ok) window.location.reload();
  }

  async function saveTarget(e: FormEvent<HTMLFormElement>, plan: string, kpi: string) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const r = await post(`/api/admin/plans/${plan}/kpis/${kpi}`, { target: f.get("target"), reason: f.get("reason") }, locale);
    show(r, kpi, t("saved"));
  }

  const errorOf = (key: string) =>
    errors[key] ? (
      <span id={`${id}-${key}-e`} className="field__error">
        {errors[key]}
      </span>
    ) : null;
  const invalid = (key: string) => (errors[key] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${key}-e` } : {});

  return (
    <>
      <p role="status">{message}</p>
      <section aria-labelledby={`${id}-new`}>
        <h2 id={`${id}-new`}>{t("newPlan")}</h2>
        <form className="form" noValidate onSubmit={create}>
          {(["code", "nameJa", "nameEn", "firstFy", "lastFy"] as const).map((name) => (
            <p key={name}>
              <label htmlFor={`${id}-${name}`}>{t(name)}</label>
              <input id={`${id}-${name}`} name={name} required inputMode={name.endsWith("Fy") ? "numeric" : undefined} {...invalid(`new.${name}`)} />
              {errorOf(`new.${name}`)}
            </p>
          ))}
          <p>
            <label htmlFor={`${id}-copy`}>{t("copyFrom")}</label>
            <select id={`${id}-copy`} name="copyFrom" defaultValue="">
              <option value="">{t("copyNone")}</option>
              {plans.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </p>
          <button type="submit">{t("create")}</button>
        </form>
      </section>
      <section aria-labelledby={`${id}-targets`}>
        <h2 id={`${id}-targets`}>{t("targets")}</h2>
        <p className="field">
          <label htmlFor={`${id}-plan`}>{t("plan")}</label>
          <select id={`${id}-plan`} value={selected} onChange={(e) => setSelected(e.target.value)}>
            {plans.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </p>
        <table className="report compact">
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col">{t("target")}</th>
            </tr>
          </thead>
          <tbody>
            {kpis
              .filter((k) => k.plan === selected && k.target !== null)
              .map((k) => (
                <tr key={k.code}>
                  <th scope="row">{k.name}</th>
                  <td>
                    <form className="inline-form" noValidate onSubmit={(e) => saveTarget(e, k.plan, k.code)}>
                      <label>
                        <span className="sr-only">{t("target")}</span>
                        <input name="target" defaultValue={k.target ?? ""} size={6} inputMode="numeric" {...invalid(`${k.code}.target`)} />
                      </label>
                      <label>
                        <span className="sr-only">{t("reason")}</span>
                        <input name="reason" placeholder={t("reason")} required {...invalid(`${k.code}.reason`)} />
                      </label>
                      <button type="submit">{t("save")}</button>
                    </form>
                    {errorOf(`${k.code}.target`)}
                    {errorOf(`${k.code}.reason`)}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
