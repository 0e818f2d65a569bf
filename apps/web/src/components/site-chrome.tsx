"use client";
// OpenTicket's header and footer around every page, except the pages that stand for another
// site: the demo payment provider's hosted page (/pay/…) must not look like OpenTicket's own.
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

export function SiteChrome({
  header,
  footer,
  children,
}: {
  header: ReactNode;
  footer: ReactNode;
  children: ReactNode;
}) {
  if (usePathname().startsWith("/pay/")) return <main id="main">{children}</main>;
  // The main area is at least a window high, so the footer starts below the fold and is not
  // pushed down, in view, as a page's streamed parts arrive.
  return (
    <>
      {header}
      <main id="main" className="mx-auto min-h-svh w-full max-w-6xl px-4 py-6 sm:py-10">
        {children}
      </main>
      {footer}
    </>
  );
}
