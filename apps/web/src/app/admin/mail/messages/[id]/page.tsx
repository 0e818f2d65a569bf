// One message of the local mailbox as its recipient would get it: the HTML in a sandboxed frame
// (no scripts, no same-origin: a message can do nothing to this page), the text part, and the
// attachments to download. Inline images (cid:) are shown from their attachments. The text
// part's web links can be followed (a reset link, on the zero-setup run).
import { getFormatter, getTranslations } from "next-intl/server";
import { MailText } from "~/components/admin/mail-text";
import { loadOr404 } from "~/trpc/load-or-404";

export async function generateMetadata() {
  return { title: (await getTranslations("admin"))("mail.message.title") };
}

export default async function LocalMailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [t, format, mail] = await Promise.all([
    getTranslations("admin.mail"),
    getFormatter(),
    loadOr404(id, (api) => api.admin.mail.message({ messageId: id })),
  ]);
  let html = mail.html;
  for (const attachment of mail.attachments) {
    if (attachment.cid) {
      html = html.replaceAll(
        `cid:${attachment.cid}`,
        `data:${attachment.contentType};base64,${attachment.base64}`,
      );
    }
  }
  return (
    <div className="flex flex-col gap-6">
      <a href="/admin/mail" className="text-sm text-brand-700 hover:underline">
        ← {t("message.back")}
      </a>
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight">{mail.subject}</h1>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm text-slate-700">
          <dt className="text-slate-500">{t("message.from")}</dt>
          <dd className="break-all">{mail.from}</dd>
          <dt className="text-slate-500">{t("message.to")}</dt>
          <dd className="break-all">{mail.to}</dd>
          <dt className="text-slate-500">{t("message.delivered")}</dt>
          <dd>
            {format.dateTime(mail.deliveredAt, {
              dateStyle: "medium",
              timeStyle: "medium",
              timeZone: "Asia/Taipei",
            })}
          </dd>
          <dt className="text-slate-500">{t("message.messageId")}</dt>
          <dd className="break-all font-mono text-xs">{mail.messageId}</dd>
        </dl>
      </header>
      <section aria-labelledby="html-title" className="flex flex-col gap-2">
        <h2 id="html-title" className="font-semibold">
          {t("message.html")}
        </h2>
        <iframe
          title={t("message.html")}
          sandbox=""
          srcDoc={html}
          className="h-[36rem] w-full rounded-xl border border-slate-200 bg-white"
        />
      </section>
      <section aria-labelledby="text-title" className="flex flex-col gap-2">
        <h2 id="text-title" className="font-semibold">
          {t("message.text")}
        </h2>
        <MailText text={mail.text} />
      </section>
      <section aria-labelledby="attachments-title" className="flex flex-col gap-2">
        <h2 id="attachments-title" className="font-semibold">
          {t("message.attachments")}
        </h2>
        {mail.attachments.length === 0 ? (
          <p className="text-sm text-slate-600">{t("message.noAttachments")}</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm">
            {mail.attachments.map((attachment) => (
              <li key={`${attachment.filename}-${attachment.cid ?? ""}`}>
                <a
                  href={`data:${attachment.contentType};base64,${attachment.base64}`}
                  download={attachment.filename}
                  className="text-brand-700 hover:underline"
                >
                  {attachment.filename}
                </a>{" "}
                <span className="text-slate-500">
                  ({attachment.contentType}, {format.number(Math.ceil(attachment.size / 1024))} KB)
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
