import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getSessionUser } from "~/server/auth";
import { LocaleSwitcher } from "./locale-switcher";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const [t, tRoles, tMyEvents, user, locale] = await Promise.all([
    getTranslations("nav"),
    getTranslations("roles"),
    getTranslations("myEvents"),
    getSessionUser(),
    getLocale(),
  ]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-brand-700">
          OpenTicket
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <Link href="/" className="text-slate-700 hover:text-brand-700">
            {t("events")}
          </Link>
          {user && (
            <>
              <Link href="/orders" className="text-slate-700 hover:text-brand-700">
                {t("myOrders")}
              </Link>
              <Link href="/me/events" className="text-slate-700 hover:text-brand-700">
                {tMyEvents("navLink")}
              </Link>
              <Link href="/account" className="text-slate-700 hover:text-brand-700">
                {t("account")}
              </Link>
            </>
          )}
          {(user?.role === "ORGANIZER" || user?.role === "ADMIN") && (
            <Link href="/organizer" className="text-slate-700 hover:text-brand-700">
              {t("organizer")}
            </Link>
          )}
          {user?.role === "ADMIN" && (
            <Link href="/admin" className="text-slate-700 hover:text-brand-700">
              {t("admin")}
            </Link>
          )}
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
          <LocaleSwitcher current={locale} label={t("language")} />
          {user ? (
            <>
              <span data-testid="signed-in-user" className="flex items-center gap-2">
                <span className="sr-only">{t("signedInAs", { name: user.name })}</span>
                <span aria-hidden className="font-medium">
                  {user.name}
                </span>
                <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">
                  {tRoles(user.role)}
                </span>
              </span>
              <SignOutButton
                label={t("signOut")}
                className="text-slate-600 hover:text-brand-700 disabled:opacity-60"
              />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="text-slate-700 hover:text-brand-700">
                {t("signIn")}
              </Link>
              <Link
                href="/sign-up"
                className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700"
              >
                {t("signUp")}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
