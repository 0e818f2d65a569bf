// The mail outbox, newest first: status, kind, recipient, tries, last error, when recorded and
// sent (Taipei time); a FAILED message offers "retry".
import type { RouterOutputs } from "@openticket/api";
import { getFormatter, getTranslations } from "next-intl/server";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";
import { RetryMailButton } from "./retry-mail-button";

type OutboxRow = RouterOutputs["admin"]["mail"]["outbox"]["items"][number];

const STATUS_STYLE: Record<OutboxRow["status"], string> = {
  QUEUED: "bg-amber-100 text-amber-900",
  SENDING: "bg-sky-100 text-sky-900",
  SENT: "bg-emerald-100 text-emerald-900",
  FAILED: "bg-red-100 text-red-900",
};

export async function OutboxTable({ rows }: { rows: OutboxRow[] }) {
  const [t, format] = await Promise.all([getTranslations("admin.mail"), getFormatter()]);
  const when = (date: Date | null) =>
    date
      ? format.dateTime(date, { dateStyle: "short", timeStyle: "medium", timeZone: "Asia/Taipei" })
      : "—";
  const column = (key: string) => t(`outbox.columns.${key}`);
  return (
    <StackedTable
      label={t("outbox.title")}
      testId="mail-outbox"
      columns={[
        { label: column("status") },
        { label: column("kind") },
        { label: column("to") },
        { label: column("attempts"), numeric: true },
        { label: column("lastError") },
        { label: column("created") },
        { label: column("sent") },
      ]}
    >
      {rows.map((row) => (
        <StackedRow key={row.id} testId="mail-outbox-row">
          <StackedCell>
            <span className="flex flex-wrap items-center gap-2">
              <span
                className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[row.status]}`}
              >
                {t(`status.${row.status}`)}
              </span>
              {row.status === "FAILED" && <RetryMailButton mailId={row.id} />}
            </span>
          </StackedCell>
          <StackedCell label={column("kind")}>
            {t.has(`kinds.${row.kind}`) ? t(`kinds.${row.kind}`) : row.kind}
          </StackedCell>
          <StackedCell label={column("to")}>
            <span className="break-all">{row.toAddress}</span>{" "}
            <span className="text-xs text-slate-500">({row.locale})</span>
          </StackedCell>
          <StackedCell label={column("attempts")} numeric>
            {row.attempts}
          </StackedCell>
          <StackedCell label={column("lastError")}>
            <span
              className="line-clamp-2 break-all font-mono text-xs text-red-800"
              title={row.lastError ?? ""}
            >
              {row.lastError ?? "—"}
            </span>
          </StackedCell>
          <StackedCell label={column("created")}>{when(row.createdAt)}</StackedCell>
          <StackedCell label={column("sent")}>{when(row.sentAt)}</StackedCell>
        </StackedRow>
      ))}
    </StackedTable>
  );
}
