import { cache } from "react";
import { useTranslations } from "next-intl";
import type { Rating, RatingBasis, RatingRule } from "@/domain/types";

/**
 * A rating as its letter, with its meaning for screen readers: never colour alone. An
 * automatic rating (computed by the app, not decided by the committee) carries a visible
 * "自動 / auto" mark and a dashed border, explained by RatingLegend.
 */
export function RatingBadge({ rating, basis = null }: { rating: Rating | null; basis?: RatingBasis | null }) {
  const t = useTranslations("Rating");
  if (rating === null) return badge(null, false, t("none"), "", "");
  const automatic = basis === "automatic";
  const meaning = automatic ? t("automaticMeaning", { rating: t(rating) }) : t(rating);
  return badge(rating, automatic, meaning, t("autoMark"), t("spoken", { meaning }));
}

/**
 * The badge's elements, made once per rendering for each rating and kind: a page with a
 * hundred ratings has a handful of different badges, and React's payload sends each once
 * and refers to it after that (cache() is per request on the server).
 */
const badge = cache((rating: Rating | null, automatic: boolean, meaning: string, mark: string, spoken: string) => {
  if (rating === null) {
    return (
      <span className="rating rating--none">
        <span aria-hidden="true">—</span>
        <span className="sr-only">{meaning}</span>
      </span>
    );
  }
  return (
    <span className={automatic ? `rating rating--${rating} rating--auto` : `rating rating--${rating}`} title={meaning}>
      {rating}
      {automatic && (
        <span className="rating__mark" aria-hidden="true">
          {mark}
        </span>
      )}
      <span className="sr-only">{spoken}</span>
    </span>
  );
});

/**
 * What the ratings on a page mean: A and B, where they come from (decided or automatic, by
 * the plan's rule), and "—". Shown wherever ratings are, so that an automatic rating is never
 * read as the committee's.
 */
export function RatingLegend({
  legend,
  decided,
  rule = "pro_rata",
}: {
  legend: "legendMixed" | "legendAutomatic" | null;
  decided: boolean;
  /** the plan's rating rule, which the automatic ratings follow */
  rule?: RatingRule;
}) {
  const t = useTranslations("Rating");
  const tr = useTranslations("RatingRule");
  return (
    <div className="legend-line">
      <p>{t("legend")}</p>
      {legend ? <p>{rule === "annual_targets" ? tr(legend) : t(legend)}</p> : decided && <p>{t("legendDecided")}</p>}
      <p>{t("legendNone")}</p>
    </div>
  );
}
