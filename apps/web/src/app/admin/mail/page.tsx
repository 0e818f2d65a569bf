// The mail outbox and the local mailbox: what was sent, what waits, what failed and why (with a
// retry for FAILED), filtered by status in the URL and paged by cursor; and, when no SMTP_URL is
// set, the messages delivered here instead, each opened on its own page.
import { getTranslations } from "next-intl/server";
import { LocalMailboxTable } from "~/components/admin/local-mailbox-table";
import { OutboxTable } from "~/components/admin/outbox-table";
import { CursorPagination } from "~/components/ui/cursor-pagination";
import { EmptyState } from "~/components/ui/empty-state";
import { getServerApi } from "~/trpc/server";
import { hrefWith, oneOf, param, type SearchParams } from "~/url/search-params";
import { isUuid } from "~/url/uuid";

const STATUSES = ["QUEUED", "SENDING", "SENT", "FAILED"] as const;

/** A cursor is a row id; anything else starts from the newest rather than failing the page. */
function uuid(value: string | undefined) {
  return value && isUuid(value) ? value : undefined;
}

export async function generateMetadata() {
  return { title: (await getTranslations("admin"))("mail.title") };
}

export default async function AdminMailPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const params = await searchParams;
  const status = oneOf(params, "status", STATUSES);
  const cursor = uuid(param(params, "cursor", 36));
  const boxCursor = uuid(param(params, "boxCursor", 36));
  const api = await getServerApi();
  const [t, outbox, mailbox] = await Promise.all([
    getTranslations("admin.mail"),
    api.admin.mail.outbox({ status, cursor, limit: 25 }),
    api.admin.mail.mailbox({ cursor: boxCursor, limit: 10 }),
  ]);
  const here = (values: Record<string, string | undefined>) =>
    hrefWith("/admin/mail", { status, ...values });

  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </header>

      <section aria-labelledby="outbox-title" className="flex flex-col gap-3">
        <h2 id="outbox-title" className="text-lg font-semibold">
          {t("outbox.title")}
        </h2>
        <nav aria-label={t("outbox.filter")} className="flex flex-wrap gap-2 text-sm">
          {[undefined, ...STATUSES].map((value) => (
            <a
              key={value ?? "all"}
              href={hrefWith("/admin/mail", { status: value })}
              aria-current={value === status ? "page" : undefined}
              className={`rounded-full border px-3 py-1 ${
                value === status
                  ? "border-brand-600 bg-brand-600 text-white"
                  : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
              }`}
            >
              {value ? t(`status.${value}`) : t("outbox.all")}
            </a>
          ))}
        </nav>
        {outbox.items.length === 0 ? (
          <EmptyState
            title={
              status
                ? t("outbox.emptyStatus", { status: t(`status.${status}`) })
                : t("outbox.empty")
            }
            hint={t("outbox.emptyHint")}
          />
        ) : (
          <OutboxTable rows={outbox.items} />
        )}
        <CursorPagination
          label={t("outbox.title")}
          firstHref={cursor ? here({}) : undefined}
          firstLabel={t("newest")}
          nextHref={outbox.nextCursor ? here({ cursor: outbox.nextCursor }) : undefined}
          nextLabel={t("older")}
        />
      </section>

      <section aria-labelledby="mailbox-title" className="flex flex-col gap-3">
        <h2 id="mailbox-title" className="text-lg font-semibold">
          {t("mailbox.title")}
        </h2>
        <p className="text-sm text-slate-600">{t("mailbox.intro")}</p>
        {mailbox.items.length === 0 ? (
          <EmptyState title={t("mailbox.empty")} hint={t("mailbox.emptyHint")} />
        ) : (
          <LocalMailboxTable rows={mailbox.items} />
        )}
        <CursorPagination
          label={t("mailbox.title")}
          firstHref={boxCursor ? here({ cursor }) : undefined}
          firstLabel={t("newest")}
          nextHref={
            mailbox.nextCursor ? here({ cursor, boxCursor: mailbox.nextCursor }) : undefined
          }
          nextLabel={t("older")}
        />
      </section>
    </div>
  );
}
