"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

interface Props {
  label: string;
  tabs: { href: string; text: string; title?: string }[];
}

/** The plan's pages as tabs; the current one is marked for assistive technology too. */
export function PlanNav({ label, tabs }: Props) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link href={tab.href} aria-current={pathname === tab.href ? "page" : undefined} title={tab.title}>
              {tab.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
