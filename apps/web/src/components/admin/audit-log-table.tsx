// Audit entries, newest first, for a person: when (in the viewer's time zone, named), who (name
// and username, linked to the account), what (a sentence per action, naming the record), and
// what changed, field by field, before → after.
import type { RouterOutputs } from "@openticket/api";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { LocalTime } from "~/components/local-time";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";
import { hrefWith } from "~/url/search-params";
import { auditChanges, fieldWords, ISO_INSTANT } from "./audit-changes";

type AuditEntry = RouterOutputs["admin"]["audit"]["items"][number];

/** Lists longer than this are counted, not spelled out (seat ids). */
const MAX_LISTED = 3;
const MAX_TEXT = 120;

export async function AuditLogTable({ entries }: { entries: AuditEntry[] }) {
  const [t, tRole, format] = await Promise.all([
    getTranslations("admin.audit"),
    getTranslations("roles"),
    getFormatter(),
  ]);
  const column = (key: string) => t(`columns.${key}`);

  function text(value: string) {
    if (value in { ATTENDEE: 1, ORGANIZER: 1, ADMIN: 1 }) return tRole(value);
    if (t.has(`values.${value}`)) return t(`values.${value}`);
    return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value;
  }

  function shown(value: unknown): React.ReactNode {
    if (value === null || value === undefined || value === "") {
      return <span className="text-slate-400">—</span>;
    }
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (typeof value === "number") return format.number(value);
    if (typeof value === "string") {
      return ISO_INSTANT.test(value) ? <LocalTime date={new Date(value)} /> : text(value);
    }
    if (Array.isArray(value)) {
      const simple = value.every((item) => typeof item === "string" || typeof item === "number");
      if (!simple || value.length > MAX_LISTED) return t("items", { count: value.length });
      return value.map((item) => text(String(item))).join(", ");
    }
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${label(key)}: ${typeof item === "object" ? "…" : String(item)}`)
      .join("; ");
  }

  function label(field: string) {
    return t.has(`fields.${field}`) ? t(`fields.${field}`) : fieldWords(field);
  }

  function sentence(entry: AuditEntry) {
    const named = (value: unknown) => (typeof value === "string" && value ? value : null);
    const before = (entry.before ?? {}) as Record<string, unknown>;
    const entity =
      entry.entityName ??
      named(before.title) ??
      named(before.name) ??
      t("deleted", {
        type: t.has(`types.${entry.entityType}`)
          ? t(`types.${entry.entityType}`)
          : entry.entityType,
      });
    const key = `sentences.${entry.action}`;
    return t.has(key) ? t(key, { entity }) : t("sentenceOther", { action: entry.action, entity });
  }

  return (
    <StackedTable
      label={t("table")}
      testId="audit-log"
      columns={[
        { label: column("when") },
        { label: column("who") },
        { label: column("what") },
        { label: column("change") },
      ]}
    >
      {entries.map((entry) => {
        const changes = auditChanges(entry.before, entry.after);
        return (
          <StackedRow key={entry.id} testId="audit-entry">
            <StackedCell className="font-medium sm:whitespace-nowrap sm:font-normal">
              <LocalTime date={entry.createdAt} />
            </StackedCell>
            <StackedCell label={column("who")}>
              {entry.actor ? (
                <span className="flex flex-col" data-testid="audit-actor">
                  <Link
                    href={hrefWith("/admin/users", { q: entry.actor.username })}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {entry.actor.displayName}
                  </Link>
                  <Link
                    href={hrefWith("/admin/audit", { actor: entry.actor.username })}
                    title={t("onlyBy", { username: entry.actor.username })}
                    className="text-xs text-slate-500 hover:underline"
                  >
                    @{entry.actor.username}
                  </Link>
                </span>
              ) : (
                <span className="text-slate-500">{t("noActor")}</span>
              )}
            </StackedCell>
            <StackedCell label={column("what")}>
              <span className="block" data-testid="audit-sentence">
                {entry.entityType === "event" && entry.entityName ? (
                  <Link href={`/events/${entry.entityId}`} className="hover:underline">
                    {sentence(entry)}
                  </Link>
                ) : (
                  sentence(entry)
                )}
              </span>
            </StackedCell>
            <StackedCell label={column("change")}>
              {changes.length === 0 ? (
                <span className="text-slate-400">—</span>
              ) : (
                <dl
                  data-testid="audit-change"
                  className="grid grid-cols-[auto_1fr] gap-x-2 text-xs"
                >
                  {changes.map((change) => (
                    <div key={change.field} className="contents">
                      <dt className="font-medium text-slate-600">{label(change.field)}</dt>
                      <dd className="wrap-anywhere">
                        <span className="text-slate-500 line-through decoration-slate-300">
                          {shown(change.before)}
                        </span>
                        <span aria-hidden className="px-1 text-slate-400">
                          →
                        </span>
                        <span className="sr-only"> {t("becomes")} </span>
                        <span className="text-slate-900">{shown(change.after)}</span>
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </StackedCell>
          </StackedRow>
        );
      })}
    </StackedTable>
  );
}
