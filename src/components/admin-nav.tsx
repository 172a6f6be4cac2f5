import { getTranslations } from "next-intl/server";
import { PlainLink } from "@/components/plain-link";
import type { AppLocale } from "@/i18n/routing";

interface Props {
  locale: AppLocale;
  /** the current page, e.g. "/admin/users" */
  current: string;
  plans: { code: string; name: string }[];
}

/** The admin pages: plans, users, and each plan's integrated projects and structure. */
export async function AdminNav({ locale, current, plans }: Props) {
  const t = await getTranslations({ locale, namespace: "Admin" });
  const ts = await getTranslations({ locale, namespace: "AdminStructure" });
  const tabs = [
    { href: "/admin", text: t("title") },
    { href: "/admin/users", text: t("usersLink") },
    ...plans.flatMap((p) => [
      { href: `/admin/projects/${p.code}`, text: t("projectsLink", { plan: p.name }) },
      { href: `/admin/plans/${p.code}/structure`, text: ts("structureLink", { plan: p.name }) },
    ]),
  ];
  return (
    <nav aria-label={t("sections")} className="tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.href}>
            <PlainLink href={tab.href} aria-current={tab.href === current ? "page" : undefined}>
              {tab.text}
            </PlainLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
