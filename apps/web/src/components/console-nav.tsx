"use client";
// A row of tabs for the admin and organizer consoles and one event's pages; a client component
// to know which page is open. `exact` links are current on their own path only. On a phone the
// row scrolls sideways, and the open page's tab is brought into view (the event's tenth tab).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

export function ConsoleNav({
  label,
  links,
}: {
  label: string;
  links: { href: string; label: string; exact?: boolean }[];
}) {
  const pathname = usePathname();
  const isCurrent = (link: { href: string; exact?: boolean }) =>
    link.exact ? pathname === link.href : pathname.startsWith(link.href);
  const open = links.find(isCurrent)?.href;
  const row = useRef<HTMLElement>(null);
  useEffect(() => {
    const nav = row.current;
    const tab = open ? nav?.querySelector<HTMLElement>(`a[href="${open}"]`) : null;
    if (!nav || !tab) return;
    // Sideways only: the page itself does not move.
    const left = tab.offsetLeft - nav.offsetLeft;
    if (left < nav.scrollLeft || left + tab.offsetWidth > nav.scrollLeft + nav.clientWidth) {
      nav.scrollLeft = left + tab.offsetWidth / 2 - nav.clientWidth / 2;
    }
  }, [open]);
  return (
    <nav ref={row} aria-label={label} className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 border-b border-slate-200">
        {links.map((link) => {
          const current = isCurrent(link);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium ${
                  current
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
