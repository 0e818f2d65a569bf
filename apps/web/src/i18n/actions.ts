"use server";
import { cookies } from "next/headers";
import { getSessionUser } from "~/server/auth";
import { getServerApi } from "~/trpc/server";
import { isLocale, LOCALE_COOKIE } from "./locales";

export async function setLocale(locale: string) {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 365 * 24 * 3600,
    sameSite: "lax",
  });
  // A signed-in user's messages follow the language they chose (users.locale).
  if (await getSessionUser()) await (await getServerApi()).auth.setLocale({ locale });
}
