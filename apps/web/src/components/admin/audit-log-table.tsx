// Audit entries, newest first: when (Taipei), who, what, to which record, and the values before
// and after as compact JSON.
import type { RouterOutputs } from "@openticket/api";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";
import { hrefWith } from "~/url/search-params";

type AuditEntry = RouterOutputs["admin"]["audit"]["items"][number];

const MAX_JSON_LENGTH = 160;

/** One line of JSON, cut short when long (the full text is in the title). */
function compactJson(value: unknown) {
  const full = value === null || value === undefined ? "—" : JSON.stringify(value);
  return {
    full,
    shown: full.length > MAX_JSON_LENGTH ? `${full.slice(0, MAX_JSON_LENGTH - 1)}…` : full,
  };
}

export async function AuditLogTable({ entries }: { entries: AuditEntry[] }) {
  const [t, format] = await Promise.all([getTranslations("admin.audit"), getFormatter()]);
  const column = (key: string) => t(`columns.${key}`);
  return (
    <StackedTable
      label={t("table")}
      testId="audit-log"
      columns={[
        { label: column("when") },
        { label: column("who") },
        { label: column("action") },
        { label: column("entity") },
        { label: column("change") },
      ]}
    >
      {entries.map((entry) => {
        const before = compactJson(entry.before);
        const after = compactJson(entry.after);
        const actionKey = `actions.${entry.action}`;
        return (
          <StackedRow key={entry.id} testId="audit-entry">
            <StackedCell className="font-medium sm:whitespace-nowrap sm:font-normal">
              <time dateTime={entry.createdAt.toISOString()}>
                {format.dateTime(entry.createdAt, {
                  dateStyle: "medium",
                  timeStyle: "medium",
                  timeZone: "Asia/Taipei",
                })}
              </time>
            </StackedCell>
            <StackedCell label={column("who")}>
              {entry.actor ? (
                <Link
                  href={hrefWith("/admin/audit", { actor: entry.actor.username })}
                  className="text-brand-700 hover:underline"
                >
                  {entry.actor.username}
                </Link>
              ) : (
                <span className="text-slate-500">{t("noActor")}</span>
              )}
            </StackedCell>
            <StackedCell label={column("action")}>
              {t.has(actionKey) && <span className="block">{t(actionKey)}</span>}
              <code className="font-mono text-xs text-slate-500">{entry.action}</code>
            </StackedCell>
            <StackedCell label={column("entity")}>
              <span className="whitespace-nowrap">
                {entry.entityType} ·{" "}
                {entry.entityType === "event" ? (
                  <Link
                    href={`/events/${entry.entityId}`}
                    title={entry.entityId}
                    className="font-mono text-xs text-brand-700 hover:underline"
                  >
                    {entry.entityId.slice(0, 8)}
                  </Link>
                ) : (
                  <code title={entry.entityId} className="font-mono text-xs">
                    {entry.entityId.slice(0, 8)}
                  </code>
                )}
              </span>
            </StackedCell>
            <StackedCell label={column("change")}>
              <span
                data-testid="audit-change"
                className="flex flex-wrap items-baseline gap-x-1 font-mono text-xs wrap-anywhere"
              >
                <span title={before.full} className="text-slate-500">
                  {before.shown}
                </span>
                <span aria-hidden className="text-slate-400">
                  →
                </span>
                <span className="sr-only">{t("becomes")}</span>
                <span title={after.full} className="text-slate-900">
                  {after.shown}
                </span>
              </span>
            </StackedCell>
          </StackedRow>
        );
      })}
    </StackedTable>
  );
}
