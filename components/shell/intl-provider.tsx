"use client";
import type { ComponentType } from "react";
import dynamic from "next/dynamic";
import type { Locale } from "@/lib/i18n/locales";
import type { ClientIntlProps } from "./catalog-intl-provider";

// A chunk per locale: the browser loads the catalog of the one the page renders (preloaded with the
// page, as next/dynamic does for what the server rendered), not both. Switching language swaps the
// provider's type, so the page's client tree is drawn afresh in the other language, as a reload
// would draw it (what was typed and not sent is not kept).
const PROVIDERS: Record<Locale, ComponentType<ClientIntlProps>> = {
  "zh-CN": dynamic(() => import("./intl-provider-zh-cn").then((m) => m.ZhCnIntlProvider)),
  en: dynamic(() => import("./intl-provider-en").then((m) => m.EnIntlProvider)),
};

/**
 * The client components' translations, from the bundled catalog: a script the browser caches,
 * not a copy serialized into every page. The locale, time zone and clock come from the request.
 */
export function IntlProvider({ locale, ...props }: ClientIntlProps & { locale: Locale }) {
  const Provider = PROVIDERS[locale];
  return <Provider {...props} />;
}
