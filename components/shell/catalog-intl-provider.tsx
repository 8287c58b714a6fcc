"use client";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";

export type ClientIntlProps = { timeZone: string; now: Date; children: ReactNode };

/** The provider of one locale's catalog (each locale's own module imports its catalog and makes one). */
export function catalogIntlProvider(locale: Locale, messages: Record<string, unknown>) {
  return function CatalogIntlProvider({ timeZone, now, children }: ClientIntlProps) {
    return <NextIntlClientProvider locale={locale} messages={messages} timeZone={timeZone} now={now}>{children}</NextIntlClientProvider>;
  };
}
