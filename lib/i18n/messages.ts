// The messages of both languages, for the server (pages, exports): a catalog module per locale
// (lib/i18n/catalog/<locale>.ts). The browser gets only its own locale's module, in a script it
// caches rather than inside every page (components/shell/intl-provider.tsx).
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { messages as zh } from "./catalog/zh-CN";
import { messages as en } from "./catalog/en";

export type Messages = Record<string, unknown>;

const CATALOGS: Record<Locale, Messages> = { "zh-CN": zh, en };

/** All namespaces of a locale. */
export const messagesOf = (locale: Locale): Messages => CATALOGS[locale];

/** A namespace's texts in a locale, for what is written outside a page (spreadsheets, CSV): ICU as on the pages. */
export function exportTranslator(locale: Locale, namespace: string): (key: string, values?: Record<string, string | number>) => string {
  // The catalog is untyped (read from JSON): keys are checked by the tests, not the compiler.
  return createTranslator({ locale, messages: messagesOf(locale) as AbstractIntlMessages, namespace }) as unknown as (key: string, values?: Record<string, string | number>) => string;
}
