"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { parenthesized } from "@/domain/format";

type Role = "admin" | "secretariat" | "committee";

/** The menu's texts in the page's language, from the server (no translations travel to the browser for it). */
export interface UserMenuTexts {
  signIn: string;
  signOut: string;
  workspace: string;
  workspaceReadOnly: string;
  admin: string;
  roles: Record<Role, string>;
}

/**
 * Sign in, or who is signed in and sign out. It asks the server after the page loads,
 * so that the pages themselves stay the same for everyone and can be cached.
 */
export function UserMenu({ locale, texts }: { locale: string; texts: UserMenuTexts }) {
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
  if (user === null) return <Link href={`/${locale}/signin`}>{texts.signIn}</Link>;
  return (
    <span className="user-menu">
      {/* a committee member reads the entries and their audit trail, and enters nothing */}
      <Link href={`/${locale}/workspace`}>{can.enter ? texts.workspace : texts.workspaceReadOnly}</Link>
      {can.administer && <Link href={`/${locale}/admin`}>{texts.admin}</Link>}
      <span>
        {user.name}
        {parenthesized(texts.roles[user.role], locale === "en" ? "en" : "ja")}
      </span>
      <button
        type="button"
        onClick={async () => {
          await fetch("/api/auth/signout", { method: "POST" });
          // The home page, rendered again without the session (and without drafts).
          setUser(null);
          router.replace(`/${locale}`);
          router.refresh();
        }}
      >
        {texts.signOut}
      </button>
    </span>
  );
}
