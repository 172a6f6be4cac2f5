"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

interface Props {
  label: string;
  current: number;
  years: { fy: number; text: string; note: string | null }[];
}

/** Links to the same page as of each fiscal year of the plan: /ja/plans/plan2/2022/… → /ja/plans/plan2/2024/… */
export function AsOfNav({ label, current, years }: Props) {
  const pathname = usePathname();
  const href = (fy: number) => pathname.replace(/(\/plans\/[^/]+\/)\d{4}(?=\/|$)/, `$1${fy}`);
  return (
    <nav aria-label={label} className="as-of">
      <span className="as-of__label" aria-hidden="true">
        {label}
      </span>
      <ul>
        {years.map((y) => (
          <li key={y.fy}>
            {y.fy === current ? (
              <span aria-current="page" className="as-of__current">
                {y.text}
                {y.note && <small>{y.note}</small>}
              </span>
            ) : (
              <Link href={href(y.fy)}>
                {y.text}
                {y.note && <small>{y.note}</small>}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
