"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { sendJson } from "@/lib/send-json";

/** The committee's evaluation of the round, in Japanese and English: edited by the secretariat while the round is a draft. */
export function AssessmentForm({ api, ja, en, editable }: { api: string; ja: string; en: string; editable: boolean }) {
  const t = useTranslations("Review");
  const locale = useLocale();
  const router = useRouter();
  const [text, setText] = useState({ ja, en });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="evaluation-form composer"
      onSubmit={async (e) => {
        e.preventDefault();
        const error = await sendJson(api, "PUT", text, locale);
        setMessage(error === null ? { ok: true, text: t("evaluationSaved") } : { ok: false, text: t("failed", { message: error }) });
        if (error === null) router.refresh();
      }}
    >
      <p className="small muted">{t("evaluationHint")}</p>
      {(["ja", "en"] as const).map((lang) => (
        <div key={lang}>
          <label htmlFor={`assessment-${lang}`}>{t(lang === "ja" ? "evaluationJa" : "evaluationEn")}</label>
          <textarea
            id={`assessment-${lang}`}
            lang={lang}
            rows={3}
            maxLength={2000}
            value={text[lang]}
            disabled={!editable}
            onChange={(e) => setText({ ...text, [lang]: e.target.value })}
          />
        </div>
      ))}
      {editable && <button type="submit">{t("evaluationSave")}</button>}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? undefined : "field__error"}>
          {message.text}
        </p>
      )}
    </form>
  );
}
