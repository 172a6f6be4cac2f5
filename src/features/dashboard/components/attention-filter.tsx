"use client";

import { useId, useState, type ReactNode } from "react";
import { fill } from "@/lib/fill";

interface Props {
  label: string;
  /** the status text, with {shown} to be filled in, e.g. "Showing {shown} of 52" */
  shownText: string;
  total: number;
  attention: number;
  children: ReactNode;
}

/** A checkbox that narrows the comparison to the rows marked data-attention="true". */
export function AttentionFilter({ label, shownText, total, attention, children }: Props) {
  const [only, setOnly] = useState(false);
  const id = useId();
  return (
    <div className={only ? "filter only-attention" : "filter"}>
      <p className="filter__control">
        <input id={id} type="checkbox" checked={only} onChange={(e) => setOnly(e.target.checked)} />
        <label htmlFor={id}>{label}</label>
        <span role="status" className="muted">
          {fill(shownText, { shown: only ? attention : total })}
        </span>
      </p>
      {children}
    </div>
  );
}
