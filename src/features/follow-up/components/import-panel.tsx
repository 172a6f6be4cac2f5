"use client";

import { useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";

interface Change {
  row: number | null;
  kpi: string | null;
  field: string;
  oldValue: string | null;
  newValue: string | null;
}
interface Conflict {
  row: number | null;
  kpi?: string;
  field: string;
  theirs: string | null;
  yours: string | null;
  by: string | null;
  at: string | null;
}
interface Problem {
  row: number | null;
  kpi?: string;
  field: string;
  message: string;
}

interface Props {
  plan: string;
  fy: number;
}

/** Upload a template or CSV: check it first (a per-row preview of changes and errors), then apply it. */
export function ImportPanel({ plan, fy }: Props) {
  const t = useTranslations("Workspace");
  const locale = useLocale();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [changes, setChanges] = useState<Change[] | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  // What the preview was based on: apply sends it back, and is refused if anything changed since.
  const [token, setToken] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const when = (at: string) => new Date(at).toLocaleString(locale === "ja" ? "ja-JP" : "en-GB", { timeZone: "Asia/Tokyo" });

  async function send(mode: "preview" | "apply") {
    if (!file) return;
    setBusy(true);
    const body = new FormData();
    body.set("file", file);
    if (mode === "apply" && token) body.set("token", token);
    const res = await fetch(`/api/plans/${plan}/rounds/${fy}/import?mode=${mode}&lang=${locale}`, { method: "POST", body }).catch(() => null);
    const json = await res?.json().catch(() => null);
    setBusy(false);
    setProblems(json?.errors ?? []);
    setConflicts(json?.conflicts ?? []);
    setChanges(json?.changes ?? null);
    setToken(json?.token ?? null);
    if (json?.conflicts?.length) setMessage(t("conflictsFound", { count: new Set(json.conflicts.map((c: Conflict) => c.kpi)).size }));
    else if (!res?.ok) setMessage(json?.error?.message ?? "Error");
    else if (mode === "apply") {
      setMessage(t("applied", { count: json.saved }));
      window.location.reload();
    } else setMessage(t("previewChanges", { count: json.preview }));
  }

  return (
    <section aria-labelledby={`${id}-h`} className="import">
      <h2 id={`${id}-h`}>{t("import")}</h2>
      <p>
        {t("importHint")} <a href={`/api/plans/${plan}/rounds/${fy}/template?lang=${locale}`}>{t("template")}</a>
      </p>
      <span className="field">
        <label htmlFor={`${id}-file`}>{t("file")}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".xlsx,.csv,text/csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setChanges(null);
            setProblems([]);
            setConflicts([]);
            setToken(null);
            setMessage(null);
          }}
        />
      </span>
      <p className="import__actions">
        <button type="button" disabled={!file || busy} onClick={() => send("preview")}>
          {t("check")}
        </button>
        <button
          type="button"
          disabled={!file || busy || changes === null || problems.length > 0 || conflicts.length > 0 || changes.length === 0}
          onClick={() => send("apply")}
        >
          {t("apply")}
        </button>
      </p>
      <p role="status">{problems.length ? t("previewErrors", { count: problems.length }) : message}</p>
      {problems.length > 0 && (
        <RowTable
          caption={t("previewErrors", { count: problems.length })}
          columns={[t("row"), "KPI", t("field"), t("problem")]}
          rows={problems.map((p) => [p.row ?? "—", p.kpi, p.field, p.message])}
        />
      )}
      {conflicts.length > 0 && (
        <RowTable
          caption={message}
          columns={[t("row"), "KPI", t("field"), t("yours"), t("theirs")]}
          rows={conflicts.map((c) => [
            c.row ?? "—",
            c.kpi,
            c.field,
            c.yours ?? "—",
            `${c.theirs ?? "—"}${c.by ? ` (${c.by}${c.at ? `, ${when(c.at)}` : ""})` : ""}`,
          ])}
        />
      )}
      {changes && changes.length > 0 && problems.length === 0 && (
        <RowTable
          caption={message}
          columns={[t("row"), "KPI", t("field"), t("before"), t("after")]}
          rows={changes.map((c) => [c.row ?? "—", c.kpi, c.field, c.oldValue, c.newValue])}
        />
      )}
    </section>
  );
}

/** The preview's rows of a file (errors, conflicts or changes), one per KPI and field. */
function RowTable({ caption, columns, rows }: { caption: string | null; columns: string[]; rows: (string | number | null | undefined)[][] }) {
  return (
    <table className="report compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, i) => (
          <tr key={i}>
            {cells.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
