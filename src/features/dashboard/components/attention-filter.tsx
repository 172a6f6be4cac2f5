"use client";

import { useId, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";

interface Props {
  total: number;
  attention: number;
  children: ReactNode;
}

/**
 * A checkbox that narrows the comparison to the rows marked data-attention="true".
 * Its texts are the AttentionFilter messages (wrap it in ClientMessages).
 */
export function AttentionFilter({ total, attention, children }: Props) {
  const t = useTranslations("AttentionFilter");
  const [only, setOnly] = useState(false);
  const id = useId();
  return (
    <div className={only ? "filter only-attention" : "filter"}>
      <p className="filter__control">
        <input id={id} type="checkbox" checked={only} onChange={(e) => setOnly(e.target.checked)} />
        <label htmlFor={id}>{t("label")}</label>
        <span role="status" className="muted">
          {t("shown", { shown: only ? attention : total, total })}
        </span>
      </p>
      {children}
    </div>
  );
}
