"use client";

import { useId, useState, type ReactNode } from "react";

interface Props {
  label: string;
  /** what the status says with every row shown, and with only the rows needing attention */
  shownAll: string;
  shownAttention: string;
  children: ReactNode;
}

/**
 * A checkbox that narrows the comparison to the rows marked data-attention="true".
 * Its texts come translated from the page (the AttentionFilter messages).
 */
export function AttentionFilter({ label, shownAll, shownAttention, children }: Props) {
  const [only, setOnly] = useState(false);
  const id = useId();
  return (
    <div className={only ? "filter only-attention" : "filter"}>
      <p className="filter__control">
        <input id={id} type="checkbox" checked={only} onChange={(e) => setOnly(e.target.checked)} />
        <label htmlFor={id}>{label}</label>
        <span role="status" className="muted">
          {only ? shownAttention : shownAll}
        </span>
      </p>
      {children}
    </div>
  );
}
