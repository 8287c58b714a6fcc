import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";
import { IntlProvider } from "@/components/shell/intl-provider";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("short")}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, timeZone, now] = await Promise.all([getLocale(), getTimeZone(), getNow()]);
  return (
    <html lang={locale}>
      <body>
        <IntlProvider locale={toLocale(locale)} timeZone={timeZone} now={now}>{children}</IntlProvider>
      </body>
    </html>
  );
}
