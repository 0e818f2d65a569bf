// The local mailbox, newest first: each message opens on its own page.
import type { RouterOutputs } from "@openticket/api";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";

type MailboxRow = RouterOutputs["admin"]["mail"]["mailbox"]["items"][number];

export async function LocalMailboxTable({ rows }: { rows: MailboxRow[] }) {
  const [t, format] = await Promise.all([getTranslations("admin.mail"), getFormatter()]);
  const column = (key: string) => t(`mailbox.columns.${key}`);
  return (
    <StackedTable
      label={t("mailbox.title")}
      testId="local-mailbox"
      columns={[
        { label: column("delivered") },
        { label: column("to") },
        { label: column("subject") },
        { label: column("attachments"), numeric: true },
      ]}
    >
      {rows.map((row) => (
        <StackedRow key={row.id} testId="local-mailbox-row">
          <StackedCell>
            {format.dateTime(row.deliveredAt, {
              dateStyle: "short",
              timeStyle: "medium",
              timeZone: "Asia/Taipei",
            })}
          </StackedCell>
          <StackedCell label={column("to")}>
            <span className="break-all">{row.toAddress}</span>
          </StackedCell>
          <StackedCell label={column("subject")}>
            <Link
              href={`/admin/mail/messages/${row.id}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {row.subject}
            </Link>
          </StackedCell>
          <StackedCell label={column("attachments")} numeric>
            {row.attachmentCount}
          </StackedCell>
        </StackedRow>
      ))}
    </StackedTable>
  );
}
