import { useLocale, useTranslations } from "next-intl";
import { fyLabel } from "@/domain/fiscal-year";
import { circledNumber, projectMark } from "@/domain/format";
import type { AuditEntry } from "@/features/audit/data";
import type { PlanOutline } from "@/features/plans/model";

/** The audit trail as a table: who, when, what (indicator, year, item), before → after, why. */
export function AuditTable({
  entries,
  plan,
  filtered = false,
}: {
  entries: AuditEntry[];
  plan: Pick<PlanOutline, "kpis" | "projects">;
  /** the reader chose filters: an empty table says that nothing matches them, not that nothing changed */
  filtered?: boolean;
}) {
  const t = useTranslations("Audit");
  const locale = useLocale();
  // Several projects have an indicator of the same name: the project's number tells them apart.
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
  const kpiNames = new Map(plan.kpis.map((k) => [k.code, `${projectMark(k.projectNo, locale === "ja" ? "ja" : "en")} ${name(k)}`]));
  const projectNames = new Map(plan.projects.map((p) => [p.no, `${circledNumber(p.no)} ${name(p)}`]));
  if (entries.length === 0) return <p>{t(filtered ? "empty" : "none")}</p>;
  // One formatter for the page (as toLocaleString would write each time, at a cost per call), in Tokyo's time.
  const when = new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  // A round's status is stored as draft | final: shown in the reader's language.
  const value = (a: AuditEntry, v: string | null) => (a.field === "status" && (v === "draft" || v === "final") ? t(`statusValues.${v}`) : v);
  // a year's own target (target_2026) is named once: the year is shown beside it
  const field = (f: string | null) => {
    const key = f && /^target_\d{4}$/.test(f) ? "yearTarget" : f;
    return key && t.has(`fields.${key}` as "fields.value") ? t(`fields.${key}` as "fields.value") : f;
  };
  return (
    <div className="table-wrap">
      <table className="report compact stack">
        <thead>
          <tr>
            <th scope="col">{t("when")}</th>
            <th scope="col">{t("who")}</th>
            <th scope="col">{t("what")}</th>
            <th scope="col">{t("old")}</th>
            <th scope="col">{t("new")}</th>
            <th scope="col">{t("reason")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((a) => (
            <tr key={a.id}>
              <td data-label={t("when")}>
                <time dateTime={a.at}>{when.format(new Date(a.at))}</time>
              </td>
              <td data-label={t("who")}>{a.user}</td>
              <td data-label={t("what")}>
                {[
                  a.kpi ? (kpiNames.get(a.kpi) ?? a.kpi) : null,
                  a.project ? (projectNames.get(a.project) ?? null) : null,
                  a.fiscalYear ? fyLabel(a.fiscalYear, locale) : null,
                  field(a.field),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </td>
              <td className="audit__value" data-label={t("old")}>
                {value(a, a.oldValue)}
              </td>
              <td className="audit__value" data-label={t("new")}>
                {value(a, a.newValue)}
              </td>
              <td data-label={t("reason")}>{a.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
