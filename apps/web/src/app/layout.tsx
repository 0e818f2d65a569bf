import { GeistSans } from "geist/font/sans";
import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { VerifyEmailBanner } from "~/components/account/verify-email-banner";
import { SiteChrome } from "~/components/site-chrome";
import { SiteHeader } from "~/components/site-header";
import { TRPCReactProvider } from "~/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "OpenTicket", template: "%s · OpenTicket" },
  description: "Open-source event ticketing: every seat sold once.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("site");
  return (
    <html lang={locale} className={GeistSans.variable}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider>
          <TRPCReactProvider>
            <SiteChrome
              header={
                <>
                  <SiteHeader />
                  <VerifyEmailBanner />
                </>
              }
              footer={
                <footer className="mx-auto max-w-6xl px-4 pb-10 text-sm text-slate-500">
                  {t("footer")}
                </footer>
              }
            >
              {children}
            </SiteChrome>
          </TRPCReactProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
