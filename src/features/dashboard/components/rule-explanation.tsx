import { useLocale, useTranslations } from "next-intl";
import { countedYearLabel, fyLabel } from "@/domain/fiscal-year";
import { formatFigure } from "@/domain/format";
import type { FollowUpRow } from "@/features/follow-up/model";
import { Phrased } from "@/components/phrased";
import { exactDecimals, figureFormat, type RuleExplanation as Explanation } from "@/features/dashboard/model";

/**
 * Which rule rates a KPI, in words, and its arithmetic with the KPI's own figures:
 * 累計 140件 ≥ 年度目標の合計 130件（令和7年度 130件）→ A（順調に進捗している）.
 * The verdict is the automatic rating the domain gave (ruleExplanation); the sign follows it.
 */
export function RuleExplanation({ explanation: x, row, fy }: { explanation: Explanation; row: FollowUpRow; fy: number }) {
  const locale = useLocale();
  const t = useTranslations("RatingRule");
  const tr = useTranslations("Rating");
  const format = figureFormat(row);
  // a computed figure (T × e ÷ n, a sum of annual targets) with the decimals it has, so that 4.2 never reads 4
  const exact = (n: number) => formatFigure(n, { ...format, decimals: exactDecimals(n, format.decimals) }, locale);
  const shown = (n: number) => formatFigure(n, format, locale);
  const year = (y: number) => countedYearLabel(y, row.counting, locale);

  if (x.kind === "unrated") {
    return (
      <section aria-labelledby="rule" className="rule">
        <h2 id="rule">{t("heading")}</h2>
        <p>{t(`unrated_${x.reason}`)}</p>
      </section>
    );
  }

  const rule = x.kind === "share" ? t(`share_${x.rule}`) : x.kind === "annual_targets" ? t("annual_targets", { total: x.total }) : t("pro_rata");
  const comparison =
    x.kind === "pro_rata"
      ? t("comparison_pro_rata", { target: exact(x.target), elapsed: x.elapsed, total: x.total, expected: exact(x.expected) })
      : x.kind === "annual_targets"
        ? t("comparison_annual_targets", {
            expected: exact(x.expected),
            years: x.years.map((y) => `${year(y.fiscalYear)} ${exact(y.target)}${y.set ? t("setMark") : ""}`).join(" + "),
          })
        : t(`comparison_share_${x.rule}`, { target: exact(x.target), year: year(x.fiscalYear) });
  return (
    <section aria-labelledby="rule" className="rule">
      <h2 id="rule">{t("heading")}</h2>
      <p>{rule}</p>
      <p className="rule__figures">
        {/* 令和7年度 and FY2025 stay whole on a phone */}
        <Phrased
          text={
            x.cumulative === null || x.rating === null
              ? t("noFigures", { year: fyLabel(fy, locale), comparison })
              : t(x.kind === "share" ? "shareFigures" : "figures", {
                  cumulative: shown(x.cumulative),
                  sign: x.rating === "A" ? "≥" : "<",
                  comparison,
                  verdict: t("verdict", { rating: x.rating, meaning: tr(x.rating) }),
                })
          }
        />
      </p>
    </section>
  );
}
