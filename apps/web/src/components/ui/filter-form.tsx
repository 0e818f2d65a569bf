"use client";
// Filters for lists: plain GET forms, so a filtered view is a URL that can be shared and works
// before any JavaScript loads. Applying filters starts again from the first page. A console's
// form is a FilterForm around FilterText and FilterSelect fields (the public event list uses the
// same rules in a wider form of its own), each field showing the value the URL gave it.
//
// With JavaScript, Apply writes only the fields that are set (no `?q=&role=`) and refuses a
// `from`..`to` day range that ends before it starts, saying so on the `to` field. The form is
// keyed by its URL, so Clear (or Back) shows the fields the URL now has rather than what was
// last chosen, and the next Apply cannot bring old choices back.
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, type FormEvent, type ReactNode, useContext, useState } from "react";
import { hrefWith } from "~/url/search-params";
import { isInvertedDays } from "~/url/taipei-days";

const filterField = "flex flex-col gap-1 text-sm font-medium text-slate-700";
const filterInput =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-normal text-slate-900 aria-invalid:border-red-500";

/** Whether the form's day range is inverted, and how a changed day clears that. */
const RangeContext = createContext({ inverted: false, dayChanged: () => {} });

export function FilterForm(props: { action: string; label: string; children: ReactNode }) {
  const query = useSearchParams().toString();
  return <FilterFormAtUrl key={query} {...props} />;
}

function FilterFormAtUrl({
  action,
  label,
  children,
}: {
  action: string;
  label: string;
  children: ReactNode;
}) {
  // The admin console had these first; the organizer's pages share its strings.
  const t = useTranslations("admin.filters");
  const router = useRouter();
  const params = useSearchParams();
  // A shared or hand-made URL may already carry an inverted range: say so from the start.
  const [inverted, setInverted] = useState(
    isInvertedDays(params.get("from") ?? undefined, params.get("to") ?? undefined),
  );

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(
      [...new FormData(event.currentTarget)].map(([key, value]) => [key, String(value).trim()]),
    );
    if (isInvertedDays(values.from, values.to)) {
      setInverted(true);
      event.currentTarget.querySelector<HTMLInputElement>('input[name="to"]')?.focus();
      return;
    }
    router.push(hrefWith(action, values));
  }

  return (
    <RangeContext value={{ inverted, dayChanged: () => setInverted(false) }}>
      <form
        method="get"
        action={action}
        aria-label={label}
        onSubmit={apply}
        className="grid grid-cols-1 gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        {children}
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            {t("apply")}
          </button>
          <Link
            href={action}
            className="rounded-md px-3 py-2 text-sm text-slate-600 hover:text-brand-700"
          >
            {t("clear")}
          </Link>
        </div>
      </form>
    </RangeContext>
  );
}

/**
 * A typed filter. `suggestions` are offered while typing but do not limit what may be typed
 * (the audit log's actions, say, are only the ones known today). Date fields named `from` and
 * `to` are a range: an inverted one is explained under `to`.
 */
export function FilterText({
  label,
  name,
  value,
  type,
  placeholder,
  maxLength,
  suggestions,
  mono = false,
  className,
}: {
  label: string;
  name: string;
  value?: string;
  /** Plain text when left out. */
  type?: "search" | "date";
  placeholder?: string;
  maxLength?: number;
  suggestions?: readonly string[];
  /** For codes such as `user.role`. */
  mono?: boolean;
  /** Extra classes for the field, e.g. to span two columns. */
  className?: string;
}) {
  const t = useTranslations("admin.filters");
  const range = useContext(RangeContext);
  const listId = suggestions && `filter-${name}-suggestions`;
  const invalid = type === "date" && name === "to" && range.inverted;
  const errorId = `filter-${name}-error`;
  return (
    <div className={className ? `flex flex-col gap-1 ${className}` : "flex flex-col gap-1"}>
      <label className={filterField}>
        {label}
        <input
          type={type}
          name={name}
          list={listId}
          defaultValue={value}
          placeholder={placeholder}
          maxLength={maxLength}
          onChange={type === "date" ? range.dayChanged : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          className={mono ? `${filterInput} font-mono` : filterInput}
        />
        {suggestions && (
          <datalist id={listId}>
            {suggestions.map((suggestion) => (
              <option key={suggestion} value={suggestion} />
            ))}
          </datalist>
        )}
      </label>
      {invalid && (
        <p id={errorId} role="alert" className="text-xs font-medium text-red-700">
          {t("rangeInverted")}
        </p>
      )}
    </div>
  );
}

/** A choice among `options`; `any`, when given, is the first option and means no filter. */
export function FilterSelect({
  label,
  name,
  value,
  any,
  options,
}: {
  label: string;
  name: string;
  value?: string;
  any?: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <label className={filterField}>
      {label}
      <select name={name} defaultValue={value ?? ""} className={filterInput}>
        {any !== undefined && <option value="">{any}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
