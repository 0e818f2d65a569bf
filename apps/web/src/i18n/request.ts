import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, negotiateLocale } from "./locales";
import { loadMessages } from "./messages";

export default getRequestConfig(async () => {
  const locale = negotiateLocale(
    (await cookies()).get(LOCALE_COOKIE)?.value,
    (await headers()).get("accept-language"),
  );
  return {
    locale,
    // Events happen in Taiwan; times are shown in the event's zone unless a page says otherwise.
    timeZone: "Asia/Taipei",
    messages: await loadMessages(locale),
  };
});
