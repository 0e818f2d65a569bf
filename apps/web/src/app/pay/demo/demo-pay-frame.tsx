// The demo payment provider's own plain look, not OpenTicket's: the hand-over to a payment
// provider and back should be as visible here as it is with a real one.
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "~/components/locale-switcher";

export async function DemoPayFrame({ children }: { children: ReactNode }) {
  const [t, tNav, locale] = await Promise.all([
    getTranslations("payDemo"),
    getTranslations("nav"),
    getLocale(),
  ]);
  return (
    <div data-testid="demo-pay" className="min-h-screen bg-zinc-200/70 px-4 py-8 sm:py-16">
      <div className="mx-auto flex max-w-md flex-col gap-6 text-zinc-900">
        <header className="flex items-center justify-between gap-3">
          <p className="flex items-center gap-2 text-lg font-semibold tracking-tight">
            <span
              aria-hidden
              className="grid size-8 place-items-center rounded-md bg-violet-700 text-sm font-bold text-white"
            >
              DP
            </span>
            {t("brand")}
          </p>
          <span className="rounded-sm bg-amber-300 px-2 py-0.5 text-xs font-bold tracking-wide text-amber-950 uppercase">
            {t("demoMode")}
          </span>
        </header>
        {children}
        <footer className="flex flex-wrap items-center justify-between gap-3 text-xs text-zinc-500">
          <span>{t("footer")}</span>
          <LocaleSwitcher current={locale} label={tNav("language")} />
        </footer>
      </div>
    </div>
  );
}
