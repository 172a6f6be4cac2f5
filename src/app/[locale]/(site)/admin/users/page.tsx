import "../admin.css";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { AdminNav } from "@/components/admin-nav";
import { SignInNeeded } from "@/components/sign-in-needed";
import { canAdminister, ROLES } from "@/features/auth/ability";
import { UserAdmin } from "@/features/auth/components/user-admin";
import { userAuditTrail } from "@/features/audit/data";
import { listUsers } from "@/features/auth/data";
import { getViewer } from "@/features/auth/server";
import { listPlans } from "@/features/plans/data";
import { parenthesized } from "@/domain/format";
import { pageLocale } from "@/i18n/locale";

export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/admin/users">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "AdminUsers" });
  return { title: t("title") };
}

/** Users for admins: who may sign in, in which role; new users, password resets, disabling. */
export default async function UsersPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "AdminUsers" });
  const ta = await getTranslations({ locale, namespace: "Admin" });
  const tr = await getTranslations({ locale, namespace: "Auth" });
  const viewer = await getViewer();
  if (!canAdminister(viewer)) {
    return <SignInNeeded locale={locale} title={t("title")} reason={ta("adminsOnly")} />;
  }
  const [users, trail, plans] = await Promise.all([listUsers(), userAuditTrail(), listPlans()]);
  const intl = locale === "ja" ? "ja-JP" : "en-GB";
  const date = new Intl.DateTimeFormat(intl, { dateStyle: "medium", timeZone: "Asia/Tokyo" });
  const dateTime = new Intl.DateTimeFormat(intl, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" });
  const roles = Object.fromEntries(ROLES.map((r) => [r, tr(`role_${r}`)])) as Record<(typeof ROLES)[number], string>;
  const roleName = (v: string | null) => (v && v in roles ? roles[v as keyof typeof roles] : v);
  const paren = (text: string) => parenthesized(text, locale);
  const action = (a: string) => {
    const key = `action_${a.replace(/^user\./, "")}`;
    return t.has(key as "action_create") ? t(key as "action_create") : a;
  };

  return (
    <>
      <AdminNav locale={locale} current="/admin/users" plans={plans.map((p) => ({ code: p.code, name: locale === "ja" ? p.nameJa : p.nameEn }))} />
      <h1>{t("title")}</h1>
      <p className="admin-intro">{t("intro")}</p>
      <ClientMessages namespaces={["AdminUsers", "Admin", "Auth"]}>
        <UserAdmin
          users={users.map((u) => ({
            id: u.id,
            email: u.email,
            name: u.name,
            role: u.role as (typeof ROLES)[number],
            created: date.format(u.createdAt),
            disabledSince: u.disabledAt ? date.format(u.disabledAt) : null,
            self: u.id === viewer!.id,
          }))}
        />
      </ClientMessages>
      <section aria-labelledby="user-history">
        <h2 id="user-history">{t("history")}</h2>
        {trail.length === 0 ? (
          <p>{t("historyEmpty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="report compact stack">
              <thead>
                <tr>
                  <th scope="col">{t("historyWhen")}</th>
                  <th scope="col">{t("historyBy")}</th>
                  <th scope="col">{t("historyUser")}</th>
                  <th scope="col">{t("historyWhat")}</th>
                  <th scope="col">{t("historyOld")}</th>
                  <th scope="col">{t("historyNew")}</th>
                </tr>
              </thead>
              <tbody>
                {trail.map((a) => (
                  <tr key={a.id}>
                    <td className="nowrap" data-label={t("historyWhen")}>
                      {dateTime.format(new Date(a.at))}
                    </td>
                    <td data-label={t("historyBy")}>{a.by ?? t("system")}</td>
                    <td data-label={t("historyUser")}>{a.email}</td>
                    <td data-label={t("historyWhat")}>
                      {a.field === "email" || a.field === "name" || a.field === "role" ? `${action(a.action)}${paren(t(a.field))}` : action(a.action)}
                    </td>
                    <td data-label={t("historyOld")}>{a.field === "role" ? roleName(a.oldValue) : a.field === "disabledAt" ? null : a.oldValue}</td>
                    <td data-label={t("historyNew")}>{a.field === "role" ? roleName(a.newValue) : a.field === "disabledAt" ? null : a.newValue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
