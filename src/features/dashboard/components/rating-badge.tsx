import { useTranslations } from "next-intl";
import type { Rating } from "@/domain/types";

/** A rating as its letter, with its meaning for screen readers: never colour alone. */
export function RatingBadge({ rating }: { rating: Rating | null }) {
  const t = useTranslations("Rating");
  if (rating === null) {
    return (
      <span className="rating rating--none">
        <span aria-hidden="true">—</span>
        <span className="sr-only">{t("none")}</span>
      </span>
    );
  }
  return (
    <span className={`rating rating--${rating}`} title={t(rating)}>
      {rating}
      <span className="sr-only">（{t(rating)}）</span>
    </span>
  );
}
