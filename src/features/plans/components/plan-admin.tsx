"use client";

import { useId, useState, type FormEvent } from "react";

interface Props {
  plans: { code: string; name: string }[];
  kpis: { plan: string; code: string; name: string; target: number | null; qualifier: string | null }[];
  t: Record<string, string>;
}

async function post(url: string, body: unknown) {
  const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }).catch(() => null);
  return { ok: !!res?.ok, json: await res?.json().catch(() => null) };
}

/** An admin's plans: create one (optionally copying another's structure), and change KPI targets with a reason. */
export function PlanAdmin({ plans, kpis, t }: Props) {
  const id = useId();
  const [message, setMessage] = useState<string | null>(null);
  const [selected, setSelected] = useState(plans[0]?.code ?? "");

  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const r = await post("/api/admin/plans", {
      code: f.get("code"),
      nameJa: f.get("nameJa"),
      nameEn: f.get("nameEn"),
      firstFy: f.get("firstFy"),
      lastFy: f.get("lastFy"),
      copyFrom: f.get("copyFrom") || undefined,
    });
    setMessage(r.ok ? t.created : (r.json?.error?.message ?? t.invalid));
    if (r.ok) window.location.reload();
  }

  async function saveTarget(e: FormEvent<HTMLFormElement>, plan: string, kpi: string) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const r = await post(`/api/admin/plans/${plan}/kpis/${kpi}`, { target: f.get("target"), reason: f.get("reason") });
    setMessage(r.ok ? t.saved : (r.json?.error?.message ?? t.invalid));
  }

  return (
    <>
      <p role="status">{message}</p>
      <section aria-labelledby={`${id}-new`}>
        <h2 id={`${id}-new`}>{t.newPlan}</h2>
        <form className="form" onSubmit={create}>
          {(["code", "nameJa", "nameEn", "firstFy", "lastFy"] as const).map((name) => (
            <p key={name}>
              <label htmlFor={`${id}-${name}`}>{t[name]}</label>
              <input id={`${id}-${name}`} name={name} required inputMode={name.endsWith("Fy") ? "numeric" : undefined} />
            </p>
          ))}
          <p>
            <label htmlFor={`${id}-copy`}>{t.copyFrom}</label>
            <select id={`${id}-copy`} name="copyFrom" defaultValue="">
              <option value="">{t.copyNone}</option>
              {plans.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </p>
          <button type="submit">{t.create}</button>
        </form>
      </section>
      <section aria-labelledby={`${id}-targets`}>
        <h2 id={`${id}-targets`}>{t.targets}</h2>
        <p className="field">
          <label htmlFor={`${id}-plan`}>{t.plan}</label>
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
              <th scope="col">{t.target}</th>
            </tr>
          </thead>
          <tbody>
            {kpis
              .filter((k) => k.plan === selected && k.target !== null)
              .map((k) => (
                <tr key={k.code}>
                  <th scope="row">{k.name}</th>
                  <td>
                    <form className="inline-form" onSubmit={(e) => saveTarget(e, k.plan, k.code)}>
                      <label>
                        <span className="sr-only">{t.target}</span>
                        <input name="target" defaultValue={k.target ?? ""} size={6} inputMode="numeric" />
                      </label>
                      <label>
                        <span className="sr-only">{t.reason}</span>
                        <input name="reason" placeholder={t.reason} required />
                      </label>
                      <button type="submit">{t.save}</button>
                    </form>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
