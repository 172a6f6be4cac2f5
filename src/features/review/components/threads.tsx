"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { circledNumber } from "@/domain/format";
import { sendJson } from "@/lib/send-json";
import { POST_MAX, waitingFor, type PostView, type ThreadView } from "@/features/review/model";

type Me = { id: number; role: string };
type Ask = { scope: "kpi"; kpi: string } | { scope: "project"; project: number } | { scope: "round" };

/**
 * A round's threads (questions and opinions of the committee, and the answers), with what the
 * viewer may do: reply, resolve or reopen, edit their own posts, hide one (admins), and open a
 * new thread on `ask`. Every text is rendered as text (escaped), in the language it was written in.
 */
export function ThreadList({
  threads,
  me,
  api,
  writable,
  ask,
  subjects = false,
}: {
  threads: ThreadView[];
  me: Me;
  /** /api/plans/{code}/rounds/{fy} */
  api: string;
  /** the round is a draft */
  writable: boolean;
  ask?: Ask;
  /** say what each thread is about (the review page lists several KPIs) */
  subjects?: boolean;
}) {
  const t = useTranslations("Review");
  const locale = useLocale();
  const poster = me.role === "committee" || me.role === "secretariat";
  return (
    <div className="threads">
      {!writable && <p className="notice">{t("readOnly")}</p>}
      {threads.length === 0 && <p className="muted">{t("none")}</p>}
      {threads.map((thread) => (
        <Thread key={thread.id} thread={thread} me={me} writable={writable} poster={poster} subject={subjects} />
      ))}
      {writable && poster && ask && <NewThread api={api} ask={ask} locale={locale} />}
    </div>
  );
}

function Thread({ thread, me, writable, poster, subject }: { thread: ThreadView; me: Me; writable: boolean; poster: boolean; subject: boolean }) {
  const t = useTranslations("Review");
  const locale = useLocale();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mayResolve = me.role === "secretariat" || me.role === "admin" || me.id === thread.author.id;
  const act = async (url: string, method: string, body: unknown) => {
    setBusy(true);
    const failed = await sendJson(url, method, body, locale);
    setBusy(false);
    setError(failed && t("failed", { message: failed }));
    if (!failed) router.refresh();
    return !failed;
  };
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
  const about = thread.kpi ? name(thread.kpi) : thread.project ? `${circledNumber(thread.project.no)} ${name(thread.project)}` : t("scopeRound");
  const waiting = waitingFor(thread);
  return (
    <article id={`thread-${thread.id}`} className={`thread thread--${thread.state}`} aria-labelledby={`thread-${thread.id}-h`}>
      <h3 id={`thread-${thread.id}-h`} className="thread__head">
        <span className="tag">{t(`kind_${thread.kind}` as const)}</span> {subject && <span>{about}</span>}{" "}
        <span className={`state state--${thread.state}`}>{t(`state_${thread.state}` as const)}</span>
      </h3>
      <ol className="thread__posts">
        {thread.posts.map((post) => (
          <Post key={post.id} post={post} me={me} writable={writable} onAct={act} busy={busy} />
        ))}
      </ol>
      {writable && poster && (
        <Reply onSend={(body, lang) => act(`/api/threads/${thread.id}/posts`, "POST", { body, lang })} busy={busy} id={`reply-${thread.id}`} />
      )}
      {writable && mayResolve && (
        <p>
          <button type="button" disabled={busy} onClick={() => act(`/api/threads/${thread.id}/state`, "POST", { to: waiting === null ? "open" : "resolved" })}>
            {waiting === null ? t("reopen") : t("resolve")}
          </button>
        </p>
      )}
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
    </article>
  );
}

function Post({
  post,
  me,
  writable,
  onAct,
  busy,
}: {
  post: PostView;
  me: Me;
  writable: boolean;
  onAct: (url: string, method: string, body: unknown) => Promise<boolean>;
  busy: boolean;
}) {
  const t = useTranslations("Review");
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(post.body ?? "");
  const when = new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" }).format(
    new Date(post.createdAt),
  );
  const mine = me.id === post.author.id && (me.role === "committee" || me.role === "secretariat");
  return (
    <li className="post">
      <p className="post__meta small muted">
        {post.author.name} · <time dateTime={post.createdAt}>{when}</time>
        {post.editedAt && ` · ${t("edited", { count: post.revisions })}`}
      </p>
      {post.hidden ? (
        <p className="muted">{t("hidden")}</p>
      ) : editing ? (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (await onAct(`/api/posts/${post.id}`, "PATCH", { body: text, version: post.version })) setEditing(false);
          }}
        >
          <label htmlFor={`edit-${post.id}`}>{t("bodyLabel")}</label>
          <textarea id={`edit-${post.id}`} value={text} maxLength={POST_MAX} rows={4} onChange={(e) => setText(e.target.value)} />
          <button type="submit" disabled={busy}>
            {t("save")}
          </button>{" "}
          <button type="button" onClick={() => setEditing(false)}>
            {t("cancel")}
          </button>
        </form>
      ) : (
        <p lang={post.lang} className="post__body">
          {post.body}
        </p>
      )}
      {writable && !post.hidden && !editing && (
        <p className="small">
          {mine && (
            <button type="button" className="link" onClick={() => setEditing(true)}>
              {t("edit")}
            </button>
          )}
          {me.role === "admin" && (
            <button
              type="button"
              className="link"
              disabled={busy}
              onClick={() => {
                const reason = window.prompt(t("hideReason"));
                if (reason) void onAct(`/api/posts/${post.id}/hide`, "POST", { reason });
              }}
            >
              {t("hide")}
            </button>
          )}
        </p>
      )}
    </li>
  );
}

/** A text and the language it is written in (the page's, by default). */
function Composer({
  id,
  label,
  submit,
  onSend,
  busy,
}: {
  id: string;
  label: string;
  submit: string;
  onSend: (body: string, lang: "ja" | "en") => Promise<boolean>;
  busy: boolean;
}) {
  const t = useTranslations("Review");
  const locale = useLocale();
  const [body, setBody] = useState("");
  const [lang, setLang] = useState<"ja" | "en">(locale === "en" ? "en" : "ja");
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (await onSend(body, lang)) setBody("");
  };
  return (
    <form className="composer" onSubmit={onSubmit}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} value={body} maxLength={POST_MAX} rows={3} onChange={(e) => setBody(e.target.value)} />
      <label htmlFor={`${id}-lang`}>{t("langLabel")}</label>{" "}
      <select id={`${id}-lang`} value={lang} onChange={(e) => setLang(e.target.value as "ja" | "en")}>
        <option value="ja">{t("langJa")}</option>
        <option value="en">{t("langEn")}</option>
      </select>{" "}
      <button type="submit" disabled={busy}>
        {submit}
      </button>
    </form>
  );
}

function Reply({ id, onSend, busy }: { id: string; onSend: (body: string, lang: "ja" | "en") => Promise<boolean>; busy: boolean }) {
  const t = useTranslations("Review");
  return <Composer id={id} label={t("replyLabel")} submit={t("reply")} onSend={onSend} busy={busy} />;
}

function NewThread({ api, ask, locale }: { api: string; ask: Ask; locale: string }) {
  const t = useTranslations("Review");
  const router = useRouter();
  const [kind, setKind] = useState<"question" | "opinion">("question");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `ask-${ask.scope}-${"kpi" in ask ? ask.kpi : "project" in ask ? ask.project : "round"}`;
  return (
    <section className="new-thread" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t("newThread")}</h3>
      <fieldset>
        <legend>{t("kindLabel")}</legend>
        {(["question", "opinion"] as const).map((k) => (
          <label key={k} className="inline">
            <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`kind_${k}` as const)}
          </label>
        ))}
      </fieldset>
      <Composer
        id={id}
        label={t("bodyLabel")}
        submit={t("submit")}
        busy={busy}
        onSend={async (body, lang) => {
          setBusy(true);
          const failed = await sendJson(`${api}/threads`, "POST", { ...ask, kind, body, lang }, locale);
          setBusy(false);
          setError(failed && t("failed", { message: failed }));
          if (!failed) router.refresh();
          return !failed;
        }}
      />
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
    </section>
  );
}
