"use client";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { messagesOf } from "@/lib/i18n/messages";

/**
 * The client components' translations, from the bundled catalog: a script the browser caches,
 * not a copy serialized into every page. The locale, time zone and clock come from the request.
 */
export function IntlProvider({ locale, timeZone, now, children }: { locale: Locale; timeZone: string; now: Date; children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} messages={messagesOf(locale)} timeZone={timeZone} now={now}>
      {children}
    </NextIntlClientProvider>
  );
}
