"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocale } from "~/i18n/actions";
import { locales } from "~/i18n/locales";

const NAMES: Record<(typeof locales)[number], string> = { en: "English", "zh-TW": "繁體中文" };

export function LocaleSwitcher({ current, label }: { current: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-1 text-slate-600">
      <span className="sr-only">{label}</span>
      <select
        value={current}
        disabled={pending}
        aria-label={label}
        data-testid="locale-switcher"
        onChange={(event) => {
          const locale = event.target.value;
          startTransition(async () => {
            await setLocale(locale);
            router.refresh();
          });
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {locales.map((locale) => (
          <option key={locale} value={locale}>
            {NAMES[locale]}
          </option>
        ))}
      </select>
    </label>
  );
}
