"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ROLES, type Role } from "@/features/auth/ability";
import { PASSWORD_MIN } from "@/features/auth/schema";

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  created: string;
  /** the date it was disabled, formatted; null when active */
  disabledSince: string | null;
  self: boolean;
}

interface Props {
  users: UserRow[];
}

type Errors = Record<string, string>;

/**
 * An admin's users: the list, a new user, and for one user at a time the name and role, a
 * new password, and disabling or enabling the account. Errors come translated from the API
 * and show at their fields.
 */
export function UserAdmin({ users }: Props) {
  const t = useTranslations("AdminUsers");
  const ta = useTranslations("Admin");
  const tr = useTranslations("Auth");
  const locale = useLocale();
  const id = useId();
  const router = useRouter();
  // the outcome of the last request, shown in the part of the page it came from
  const [message, setMessage] = useState<{ form: string; text: string } | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [editing, setEditing] = useState<number | null>(null);
  const editHeading = useRef<HTMLHeadingElement>(null);
  const user = users.find((u) => u.id === editing) ?? null;

  useEffect(() => {
    if (editing !== null) editHeading.current?.focus();
  }, [editing]);

  function edit(userId: number | null) {
    setEditing(userId);
    setErrors({});
    setMessage(null);
  }

  /** Sends a change; on refusal, shows each error at its field (`form` prefixes the field names). */
  async function send(form: string, method: "POST" | "PATCH", url: string, body: unknown, done: (json: { user: UserRow }) => string): Promise<boolean> {
    setErrors({});
    const res = await fetch(`${url}?lang=${locale}`, {
      method,
      headers: { "Content-Type": "application/json", "Accept-Language": locale },
      body: JSON.stringify(body),
    }).catch(() => null);
    const json = await res?.json().catch(() => null);
    if (!res) {
      setMessage({ form, text: ta("networkError") });
      return false;
    }
    if (!res.ok) {
      const list: { field: string; message: string }[] = json?.errors ?? [];
      setErrors(Object.fromEntries(list.map((e) => [`${form}.${e.field}`, e.message])));
      setMessage({ form, text: json?.error?.message ?? ta("invalid") });
      return false;
    }
    setMessage({ form, text: done(json) });
    router.refresh();
    return true;
  }

  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const body = { email: f.get("email"), name: f.get("name"), role: f.get("role"), password: f.get("password") };
    if (await send("new", "POST", "/api/admin/users", body, (j) => t("createdMessage", { email: j.user.email }))) form.reset();
  }

  async function saveProfile(e: FormEvent<HTMLFormElement>, u: UserRow) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = u.self ? { name: f.get("name") } : { name: f.get("name"), role: f.get("role") };
    await send("edit", "PATCH", `/api/admin/users/${u.id}`, body, () => t("saved"));
  }

  async function resetPassword(e: FormEvent<HTMLFormElement>, u: UserRow) {
    e.preventDefault();
    const form = e.currentTarget;
    const body = { password: new FormData(form).get("password") };
    if (await send("edit", "PATCH", `/api/admin/users/${u.id}`, body, () => t("passwordWasReset"))) form.reset();
  }

  async function setDisabled(u: UserRow, disabled: boolean) {
    await send("edit", "PATCH", `/api/admin/users/${u.id}`, { disabled }, () => t(disabled ? "wasDisabled" : "wasEnabled", { email: u.email }));
  }

  /** A labelled input with its error, tied together for assistive technology. */
  const field = (
    form: string,
    name: string,
    label: string,
    input: (props: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode,
  ) => {
    const inputId = `${id}-${form}-${name}`;
    const error = errors[`${form}.${name}`];
    return (
      <p className="field">
        <label htmlFor={inputId}>{label}</label>
        {input({ id: inputId, name, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${inputId}-e` : undefined })}
        {error && (
          <span id={`${inputId}-e`} className="field__error">
            {error}
          </span>
        )}
      </p>
    );
  };

  const status = (form: string) => (
    <p role="status" className="admin-status">
      {message?.form === form ? message.text : null}
    </p>
  );

  const roleOptions = ROLES.map((r) => (
    <option key={r} value={r}>
      {tr(`role_${r}`)}
    </option>
  ));

  return (
    <>
      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t("list")}</h2>
        <div className="table-wrap">
          <table className="report admin-table stack">
            <thead>
              <tr>
                <th scope="col">{t("email")}</th>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("role")}</th>
                <th scope="col">{t("created")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className={u.disabledSince ? "is-disabled" : undefined}>
                  <th scope="row">
                    {u.email}
                    {u.self && <span className="tag">{t("you")}</span>}
                  </th>
                  <td data-label={t("name")}>{u.name}</td>
                  <td data-label={t("role")}>{tr(`role_${u.role}`)}</td>
                  <td className="nowrap" data-label={t("created")}>
                    {u.created}
                  </td>
                  <td data-label={t("status")}>{u.disabledSince ? t("disabledSince", { date: u.disabledSince }) : t("active")}</td>
                  <td data-label={t("actions")}>
                    <button
                      type="button"
                      className="button-secondary"
                      aria-expanded={editing === u.id}
                      aria-label={t("editOf", { email: u.email })}
                      onClick={() => edit(editing === u.id ? null : u.id)}
                    >
                      {t("edit")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {user && (
        <section aria-labelledby={`${id}-edit`} className="admin-panel" key={user.id}>
          <h2 id={`${id}-edit`} ref={editHeading} tabIndex={-1}>
            {t("editOf", { email: user.email })}
          </h2>
          {user.self && <p className="muted">{t("selfNote")}</p>}
          {status("edit")}
          <div className="admin-panel__forms">
            <form className="admin-form" noValidate onSubmit={(e) => saveProfile(e, user)}>
              {field("edit", "name", t("name"), (p) => (
                <input {...p} defaultValue={user.name} autoComplete="off" />
              ))}
              {field("edit", "role", t("role"), (p) => (
                <select {...p} defaultValue={user.role} disabled={user.self}>
                  {roleOptions}
                </select>
              ))}
              <button type="submit">{t("save")}</button>
            </form>
            <form className="admin-form" noValidate onSubmit={(e) => resetPassword(e, user)}>
              {field("edit", "password", t("newPassword", { min: PASSWORD_MIN }), (p) => (
                <input {...p} type="password" autoComplete="new-password" />
              ))}
              <button type="submit">{t("resetPassword")}</button>
            </form>
            <div className="admin-form">
              <p className="field">
                <span className="field__label">{t("account")}</span>
                {user.disabledSince ? t("disabledSince", { date: user.disabledSince }) : t("active")}
              </p>
              {errors["edit.disabled"] && <p className="field__error">{errors["edit.disabled"]}</p>}
              <button type="button" disabled={user.self} onClick={() => setDisabled(user, !user.disabledSince)}>
                {user.disabledSince ? t("enable") : t("disable")}
              </button>
            </div>
          </div>
          <button type="button" className="button-secondary" onClick={() => edit(null)}>
            {t("close")}
          </button>
        </section>
      )}

      <section aria-labelledby={`${id}-new`}>
        <h2 id={`${id}-new`}>{t("newUser")}</h2>
        {status("new")}
        <form className="admin-form admin-form--wide" noValidate onSubmit={create}>
          {field("new", "email", t("email"), (p) => (
            <input {...p} inputMode="email" autoComplete="off" spellCheck={false} />
          ))}
          {field("new", "name", t("name"), (p) => (
            <input {...p} autoComplete="off" />
          ))}
          {field("new", "role", t("role"), (p) => (
            <select {...p} defaultValue="secretariat">
              {roleOptions}
            </select>
          ))}
          {field("new", "password", t("password", { min: PASSWORD_MIN }), (p) => (
            <input {...p} type="password" autoComplete="new-password" />
          ))}
          <button type="submit">{t("create")}</button>
        </form>
      </section>
    </>
  );
}
