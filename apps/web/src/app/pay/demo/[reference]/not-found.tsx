// An unknown or malformed payment reference, told in the demo provider's look.
import { getTranslations } from "next-intl/server";
import { DemoPayFrame } from "../demo-pay-frame";

export default async function DemoPaymentNotFound() {
  const t = await getTranslations("payDemo");
  return (
    <DemoPayFrame>
      <section className="rounded-lg border border-zinc-300 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">{t("notFoundTitle")}</h1>
        <p className="mt-2 text-zinc-600">{t("notFound")}</p>
      </section>
    </DemoPayFrame>
  );
}
