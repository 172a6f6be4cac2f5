"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

interface Props {
  label: string;
  tabs: { href: string; text: string; title?: string }[];
}

/** The plan's pages as tabs; the current one is marked for assistive technology too. */
export function PlanNav({ label, tabs }: Props) {
  const pathname = usePathname();
  // On a phone the tabs are one row that scrolls sideways (globals.css): the current one is
  // brought into view (centred, or from its start if it is wider than the row), in the row
  // only, never by scrolling the page.
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const centre = () => {
      const ul = list.current;
      const current = ul?.querySelector<HTMLElement>('[aria-current="page"]')?.parentElement;
      if (ul && current && ul.scrollWidth > ul.clientWidth) ul.scrollLeft = current.offsetLeft - Math.max(0, (ul.clientWidth - current.offsetWidth) / 2);
    };
    centre();
    // again once the web fonts, which set the tabs' widths, are in
    void document.fonts.ready.then(centre);
  }, [pathname]);
  return (
    <nav aria-label={label} className="tabs tabs--row">
      <ul ref={list}>
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
