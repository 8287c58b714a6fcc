import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, TIME_ZONE, toLocale } from "@/lib/i18n/locales";

// zh-CN unless the user switched to English (a cookie, not the URL: URLs stay the same per role).
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const messages = (await import(`./messages/${locale}.json`)).default;
  return { locale, messages, timeZone: TIME_ZONE, now: new Date() };
});
