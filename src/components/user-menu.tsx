"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Link, useRouter } from "@/i18n/navigation";

type Role = "admin" | "secretariat" | "committee";

/**
 * Sign in, or who is signed in and sign out. It asks the server after the page loads,
 * so that the pages themselves stay the same for everyone and can be cached.
 */
export function UserMenu() {
  const t = useTranslations();
  const router = useRouter();
  const [user, setUser] = useState<{ name: string; role: Role } | null | undefined>(undefined);
  const [can, setCan] = useState({ enter: false, administer: false });
  useEffect(() => {
    fetch("/api/auth/me")
      .then((r) => r.json())
      .then((b) => {
        setUser(b.user);
        if (b.can) setCan(b.can);
      })
      .catch(() => setUser(null));
  }, []);
  if (user === undefined) return null;
  if (user === null) return <Link href="/signin">{t("Auth.signIn")}</Link>;
  return (
    <span className="user-menu">
      {/* a committee member reads the entries and their audit trail, and enters nothing */}
      <Link href="/workspace">{t(can.enter ? "Workspace.link" : "Workspace.linkReadOnly")}</Link>
      {can.administer && <Link href="/admin">{t("Admin.title")}</Link>}
      <span>
        {user.name}（{t(`Auth.role_${user.role}`)}）
      </span>
      <button
        type="button"
        onClick={async () => {
          await fetch("/api/auth/signout", { method: "POST" });
          // The home page, rendered again without the session (and without drafts).
          setUser(null);
          router.replace("/");
          router.refresh();
        }}
      >
        {t("Auth.signOut")}
      </button>
    </span>
  );
}
