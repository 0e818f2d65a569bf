// Filters for lists: plain GET forms, so a filtered view is a URL that can be shared and works
// before any JavaScript loads. Applying filters starts again from the first page. A console's
// form is a FilterForm around FilterText and FilterSelect fields (the public event list uses the
// fields in a wider form of its own), each field showing the value the URL gave it.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

const filterField = "flex flex-col gap-1 text-sm font-medium text-slate-700";
const filterInput =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-normal text-slate-900";

export async function FilterForm({
  action,
  label,
  children,
}: {
  action: string;
  label: string;
  children: ReactNode;
}) {
  // The admin console had these first; the organizer's pages share its strings.
  const t = await getTranslations("admin.filters");
  return (
    <form
      method="get"
      action={action}
      aria-label={label}
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
  );
}

/**
 * A typed filter. `suggestions` are offered while typing but do not limit what may be typed
 * (the audit log's actions, say, are only the ones known today).
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
  const listId = suggestions && `filter-${name}-suggestions`;
  return (
    <label className={className ? `${filterField} ${className}` : filterField}>
      {label}
      <input
        type={type}
        name={name}
        list={listId}
        defaultValue={value}
        placeholder={placeholder}
        maxLength={maxLength}
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
