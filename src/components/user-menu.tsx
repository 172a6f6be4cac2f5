"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

interface Props {
  locale: string;
  labels: { signIn: string; signOut: string; workspace: string; admin: string; roles: Record<string, string> };
}

/**
 * Sign in, or who is signed in and sign out. It asks the server after the page loads,
 * so that the pages themselves stay the same for everyone and can be cached.
 */
export function UserMenu({ locale, labels }: Props) {
  const router = useRouter();
  const [user, setUser] = useState<{ name: string; role: string } | null | undefined>(undefined);
  useEffect(() => {
    fetch("/api/auth/me")
      .then((r) => r.json())
      .then((b) => setUser(b.user))
      .catch(() => setUser(null));
  }, []);
  if (user === undefined) return null;
  if (user === null) return <Link href={`/${locale}/signin`}>{labels.signIn}</Link>;
  return (
    <span className="user-menu">
      <Link href={`/${locale}/workspace`}>{labels.workspace}</Link>
      {user.role === "admin" && <Link href={`/${locale}/admin`}>{labels.admin}</Link>}
      <span>
        {user.name}（{labels.roles[user.role] ?? user.role}）
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
        {labels.signOut}
      </button>
    </span>
  );
}
