// The demo payment provider's hosted payment page: where checkout sends the buyer when no real
// provider is configured. Public, like a real payment link: the unguessable reference is the key.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatMoney } from "~/format/money";
import { loadOr404 } from "~/trpc/load-or-404";
import { DemoPayFrame } from "../demo-pay-frame";
import { DemoPaymentActions } from "./demo-payment-actions";

export async function generateMetadata() {
  return { title: { absolute: (await getTranslations("payDemo"))("brand") }, robots: "noindex" };
}

/** As the api's input accepts it; anything else cannot be a payment. */
const isReference = (reference: string) => reference.length >= 8 && reference.length <= 100;

export default async function DemoPaymentPage({
  params,
}: {
  params: Promise<{ reference: string }>;
}) {
  const { reference } = await params;
  const payment = await loadOr404(
    reference,
    (api) => api.demoPayment.byReference({ reference }),
    isReference,
  );
  const [t, format, locale] = await Promise.all([
    getTranslations("payDemo"),
    getFormatter(),
    getLocale(),
  ]);
  const amount = formatMoney(payment.amount, payment.currency, locale);
  return (
    <DemoPayFrame>
      <section
        aria-labelledby="demo-pay-amount"
        className="overflow-hidden rounded-lg border border-zinc-300 bg-white shadow-sm"
      >
        <div className="border-b border-zinc-200 p-6">
          <p className="text-sm text-zinc-500">{t("payTo")}</p>
          <h1
            id="demo-pay-amount"
            data-testid="demo-pay-amount"
            className="mt-1 text-4xl font-semibold tracking-tight tabular-nums"
          >
            {amount}
          </h1>
          <p data-testid="demo-pay-description" className="mt-2 text-zinc-700">
            {payment.description}
          </p>
        </div>
        <div className="flex flex-col gap-4 p-6">
          {payment.status === "OPEN" ? (
            <>
              <p className="rounded-md border border-dashed border-zinc-300 bg-zinc-50 p-3 text-sm text-zinc-600">
                {t("notice")}
              </p>
              <DemoPaymentActions reference={payment.reference} payLabel={t("pay", { amount })} />
              <p className="text-xs text-zinc-500">
                {t("expires", {
                  time: format.dateTime(payment.expiresAt, {
                    hour: "numeric",
                    minute: "2-digit",
                    timeZoneName: "short",
                  }),
                })}
              </p>
            </>
          ) : (
            <>
              <p role="status" data-testid="demo-pay-closed" className="text-zinc-800">
                {t(`closed.${payment.status}`)}
              </p>
              <a
                href={payment.returnUrl}
                className="self-start rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700"
              >
                {t("return")}
              </a>
            </>
          )}
        </div>
      </section>
    </DemoPayFrame>
  );
}
